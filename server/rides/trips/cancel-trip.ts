import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { moveDriver } from "@/server/rides/drivers/driver-index";
import { closeOffer } from "@/server/rides/matching/close-offer";
import { cancellationFeeCents } from "@/server/rides/pricing/fare";
import { forgetRequest } from "@/server/rides/pricing/surge-window";
import { announceTripStatus, moveTrip } from "./move-trip";
import { illegalMove } from "./illegal-move";
import { CANCEL_REASONS } from "./trip-states";
import { RIDES_TRANSACTION } from "@/server/rides/rides-transaction";

export const CancelTripInput = z.object({ tripId: z.string().min(1).max(64), reason: z.enum(CANCEL_REASONS) });

/**
 * The rider cancels before the trip starts, with a reason; more than 2
 * minutes after a driver was assigned it costs the cancellation fee (paid
 * like a fare). An offer out is withdrawn (uncounted) and the driver freed.
 */
export async function cancelTrip({ db, redis, riderId, input, now = new Date() }: { db: Db; redis: Redis; riderId: string; input: z.infer<typeof CancelTripInput>; now?: Date }): Promise<{ cancelFeeCents: number }> {
  const trip = await db.trip.findFirst({ where: { id: input.tripId, riderId }, select: { status: true, driverId: true, assignedAt: true, pickupLat: true, pickupLng: true } });
  if (!trip) throw new AppError("NOT_FOUND", "No such trip.");
  const fee = cancellationFeeCents(trip.assignedAt, now);
  const cancelled = await db.$transaction(
    (tx) =>
      moveTrip(tx, input.tripId, "cancelled", {
        where: { status: trip.status },
        data: { cancelReason: input.reason, cancelledBy: "rider", cancelFeeCents: fee, paymentStatus: fee > 0 ? "due" : "none" },
        at: now,
      }),
    RIDES_TRANSACTION,
  );
  // Moved meanwhile (a driver started it, or it was cancelled twice): say what it is now.
  if (!cancelled) {
    const current = await db.trip.findUniqueOrThrow({ where: { id: input.tripId }, select: { status: true } });
    throw illegalMove(current.status, "cancelled");
  }
  for (const offer of await db.tripOffer.findMany({ where: { tripId: input.tripId, status: "pending" }, select: { id: true } })) {
    const withdrawn = await closeOffer({ db, redis, offerId: offer.id, status: "expired", now });
    // The driver never had the chance to answer it: it leaves their acceptance rate (a matching score) as it was.
    // Otherwise a rider who requests and cancels in a loop would sink the nearest driver's rate, offer by offer.
    if (withdrawn) await db.driverProfile.update({ where: { userId: withdrawn.driverId }, data: { offersMade: { decrement: 1 } } });
  }
  if (trip.driverId) await moveDriver(redis, trip.driverId, { from: "on_trip", tripId: input.tripId, to: "available" });
  await forgetRequest(redis, { lat: trip.pickupLat, lng: trip.pickupLng }, input.tripId);
  await announceTripStatus(input.tripId, "cancelled", now);
  return { cancelFeeCents: fee };
}
