import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { moveDriver } from "@/server/rides/drivers/driver-index";
import { announceTripStatus, moveTrip } from "@/server/rides/trips/move-trip";
import { illegalMove } from "@/server/rides/trips/illegal-move";
import type { TripStatus } from "@/server/rides/trips/trip-states";
import { spendStartCodeTry } from "./start-code-attempts";

type Step = "arriving" | "in_progress" | "completed";

/**
 * The assigned driver moves their trip on: on the way to the pickup
 * (arriving), started with the rider's 4-digit code (in_progress; a few tries
 * per trip, start-code-attempts.ts), completed
 * (the rider may pay and rate; the driver is available again). Any other move
 * from the current status is 409.
 */
export async function advanceTrip({ db, redis, driverId, tripId, to, code, now = new Date() }: { db: Db; redis: Redis; driverId: string; tripId: string; to: Step; code?: string; now?: Date }): Promise<{ status: TripStatus }> {
  const trip = await db.trip.findFirst({ where: { id: tripId, driverId }, select: { status: true, startCode: true } });
  if (!trip) throw new AppError("NOT_FOUND", "No such trip.");
  if (to === "in_progress") {
    await spendStartCodeTry(redis, tripId);
    if (code !== trip.startCode) throw new AppError("BAD_REQUEST", "That is not the rider's code. Ask them for the 4 digits on their screen.", { field: "code" });
  }
  const moved = await moveTrip(db, tripId, to, { where: { driverId, status: trip.status }, data: to === "completed" ? { paymentStatus: "due" } : {}, at: now });
  if (!moved) {
    const current = await db.trip.findUniqueOrThrow({ where: { id: tripId }, select: { status: true } });
    throw illegalMove(current.status, to);
  }
  if (to === "completed") await moveDriver(redis, driverId, { from: "on_trip", tripId, to: "available" });
  await announceTripStatus(tripId, to, now);
  return { status: to };
}
