import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { isUniqueViolation } from "@/server/platform/db-errors";

export const RateTripInput = z.object({ tripId: z.string().min(1).max(64), stars: z.number().int().min(1).max(5), comment: z.string().trim().max(500).default("") });

/** The rider rates the driver of a completed trip, once; the driver's rating (sum and count) moves in the same transaction. */
export async function rateTrip({ db, riderId, input }: { db: Db; riderId: string; input: z.infer<typeof RateTripInput> }): Promise<{ stars: number }> {
  const trip = await db.trip.findFirst({ where: { id: input.tripId, riderId }, select: { status: true, driverId: true } });
  if (!trip) throw new AppError("NOT_FOUND", "No such trip.");
  if (trip.status !== "completed" || !trip.driverId) throw new AppError("CONFLICT", "Only a completed trip can be rated.");
  const driverId = trip.driverId;
  try {
    await db.$transaction([
      db.tripRating.create({ data: { tripId: input.tripId, riderId, driverId, stars: input.stars, comment: input.comment } }),
      db.driverProfile.update({ where: { userId: driverId }, data: { ratingSum: { increment: input.stars }, ratingCount: { increment: 1 } } }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "You already rated this trip.");
    throw error;
  }
  return { stars: input.stars };
}
