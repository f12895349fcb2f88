import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { isUniqueViolation } from "@/server/platform/db-errors";
import type { Redis } from "@/server/platform/redis";
import { moveDriver } from "@/server/rides/drivers/driver-index";
import { forgetRequest } from "@/server/rides/pricing/surge-window";
import { announceTripStatus, moveTrip } from "@/server/rides/trips/move-trip";
import { RIDES_TRANSACTION } from "@/server/rides/rides-transaction";

/** Why an offer could not be taken: another driver's (or no) offer is NOT_FOUND; one's own, answered or past its deadline, is CONFLICT. */
export async function offerNotOpen(db: Pick<Db, "tripOffer">, offerId: string, driverId: string): Promise<AppError> {
  const own = await db.tripOffer.count({ where: { id: offerId, driverId } });
  return own === 0 ? new AppError("NOT_FOUND", "No such offer.") : new AppError("CONFLICT", "This offer has expired or was withdrawn.");
}

/**
 * A driver takes an offer. Atomic in Postgres: the offer must still be
 * pending and before its deadline (a late accept is 409 even if the expiry job
 * has not run yet), the trip must still be matching with no driver, and the
 * partial unique index allows the driver one open trip. Then the driver is
 * on the trip in the index and both parties hear "assigned".
 */
export async function acceptOffer({ db, redis, driverId, offerId, now = new Date() }: { db: Db; redis: Redis; driverId: string; offerId: string; now?: Date }): Promise<{ tripId: string }> {
  let tripId: string;
  let pickup: { lat: number; lng: number };
  try {
    ({ tripId, pickup } = await db.$transaction(async (tx) => {
      const taken = await tx.tripOffer.updateMany({ where: { id: offerId, driverId, status: "pending", expiresAt: { gt: now } }, data: { status: "accepted", respondedAt: now } });
      if (taken.count === 0) throw await offerNotOpen(tx, offerId, driverId);
      const offer = await tx.tripOffer.findUniqueOrThrow({ where: { id: offerId }, select: { tripId: true, trip: { select: { pickupLat: true, pickupLng: true } } } });
      const assigned = await moveTrip(tx, offer.tripId, "assigned", { where: { status: "matching", driverId: null }, data: { driverId, assignedAt: now }, at: now });
      if (!assigned) throw new AppError("CONFLICT", "This trip no longer needs a driver.");
      await tx.driverProfile.update({ where: { userId: driverId }, data: { offersAccepted: { increment: 1 } } });
      return { tripId: offer.tripId, pickup: { lat: offer.trip.pickupLat, lng: offer.trip.pickupLng } };
    }, RIDES_TRANSACTION));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Finish your current trip before taking another.");
    throw error;
  }
  await moveDriver(redis, driverId, { from: "offered", tripId, to: "on_trip", newTripId: tripId });
  await forgetRequest(redis, pickup, tripId);
  await announceTripStatus(tripId, "assigned", now);
  return { tripId };
}
