import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { toTripView, TRIP_VIEW_SELECT, type TripView } from "./trip-view";

/** A trip, for its rider or its assigned driver; NOT_FOUND for anyone else (whether it exists is nobody else's business). */
export async function getTrip({ db, redis, viewerId, tripId }: { db: Db; redis: Redis; viewerId: string; tripId: string }): Promise<TripView> {
  const trip = await db.trip.findFirst({ where: { id: tripId, OR: [{ riderId: viewerId }, { driverId: viewerId }] }, select: TRIP_VIEW_SELECT });
  if (!trip) throw new AppError("NOT_FOUND", "No such trip.");
  return toTripView(redis, trip, viewerId);
}
