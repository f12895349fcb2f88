import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { isUniqueViolation } from "@/server/platform/db-errors";
import { enqueue } from "@/server/platform/queue";
import type { Redis } from "@/server/platform/redis";
import { recordRequest } from "@/server/rides/pricing/surge-window";
import { announceTripStatus, moveTrip } from "./move-trip";
import { illegalMove } from "./illegal-move";
import { RIDES_TRANSACTION } from "@/server/rides/rides-transaction";

/** After "no drivers available": look again, with a fresh round of offers, at the fare quoted first. */
export async function retryTrip({ db, redis, riderId, tripId }: { db: Db; redis: Redis; riderId: string; tripId: string }): Promise<{ id: string }> {
  const trip = await db.trip.findFirst({ where: { id: tripId, riderId }, select: { status: true, pickupLat: true, pickupLng: true } });
  if (!trip) throw new AppError("NOT_FOUND", "No such trip.");
  let moved: boolean;
  try {
    moved = await db.$transaction(async (tx) => {
      const ok = await moveTrip(tx, tripId, "matching", { where: { status: "no_drivers" }, data: { offerCount: 0 } });
      // Drivers who let it pass may be offered it again in the new round.
      if (ok) await tx.tripOffer.deleteMany({ where: { tripId, status: { in: ["expired", "declined"] } } });
      return ok;
    }, RIDES_TRANSACTION);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "You already have a trip under way.");
    throw error;
  }
  if (!moved) throw illegalMove(trip.status, "matching");
  await recordRequest(redis, { lat: trip.pickupLat, lng: trip.pickupLng }, tripId);
  await enqueue("rides-match", { tripId }, { jobId: `match-${tripId}-retry-${Date.now()}` });
  await announceTripStatus(tripId, "matching");
  return { id: tripId };
}
