import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { OPEN_DRIVER_STATUSES } from "@/server/rides/trips/trip-states";
import { markOnline } from "./driver-index";

/**
 * A driver starts their shift: in the index from their first location update.
 * A driver who went offline (or was swept) during a trip comes back holding it.
 */
export async function goOnline({ db, redis, driverId }: { db: Db; redis: Redis; driverId: string }): Promise<{ online: true }> {
  const profile = await db.driverProfile.findUnique({ where: { userId: driverId }, select: { userId: true } });
  if (!profile) throw new AppError("FORBIDDEN", "Only registered drivers can go online.");
  const openTrip = await db.trip.findFirst({ where: { driverId, status: { in: [...OPEN_DRIVER_STATUSES] } }, select: { id: true } });
  await markOnline(redis, driverId, openTrip ? { state: "on_trip", tripId: openTrip.id } : null);
  return { online: true };
}
