import { randomInt } from "node:crypto";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { isUniqueViolation } from "@/server/platform/db-errors";
import { enqueue } from "@/server/platform/queue";
import { consume, rateLimitError } from "@/server/platform/ratelimit";
import type { Redis } from "@/server/platform/redis";
import { recordRequest } from "@/server/rides/pricing/surge-window";
import { estimateTrip, type TripPlacesInput } from "./estimate-trip";
import { RIDES_TRANSACTION } from "@/server/rides/rides-transaction";

/** Shorter trips are walks; longer ones leave the demo city. */
const MIN_TRIP_METERS = 200;
const MAX_TRIP_METERS = 100_000;

/**
 * A rider asks for a ride: the fare is quoted now (with the pickup cell's
 * surge) and kept; the trip goes straight to "matching" (both states stored)
 * and the matching job is queued. One open trip per rider (Postgres's
 * partial unique index decides under concurrency). Requests spend the
 * rider's "ride-request" window first: each one sends drivers offers and,
 * while open, raises the pickup cell's surge, so request-and-cancel in a loop
 * would keep flooding drivers' screens and prices up for everyone there.
 */
export async function requestTrip({ db, redis, riderId, input }: { db: Db; redis: Redis; riderId: string; input: TripPlacesInput }): Promise<{ id: string }> {
  const limit = await consume("ride-request", `user:${riderId}`);
  if (!limit.allowed) throw rateLimitError(limit);
  const estimate = await estimateTrip({ redis, input });
  if (estimate.route.distanceMeters < MIN_TRIP_METERS) throw new AppError("BAD_REQUEST", "Pickup and drop-off are too close together.");
  if (estimate.route.distanceMeters > MAX_TRIP_METERS) throw new AppError("BAD_REQUEST", "That trip is too long: drop-off must be within 100 km.");
  const now = new Date();
  let tripId: string;
  try {
    tripId = await db.$transaction(async (tx) => {
      const trip = await tx.trip.create({
        data: {
          riderId,
          status: "matching",
          pickupLat: input.pickup.lat,
          pickupLng: input.pickup.lng,
          pickupName: input.pickup.name,
          dropoffLat: input.dropoff.lat,
          dropoffLng: input.dropoff.lng,
          dropoffName: input.dropoff.name,
          ...estimate.route,
          surgeHundredths: estimate.fare.surgeHundredths,
          fareCents: estimate.fare.totalCents,
          currency: estimate.currency,
          startCode: String(randomInt(0, 10_000)).padStart(4, "0"),
          createdAt: now,
        },
        select: { id: true },
      });
      await tx.tripEvent.createMany({ data: [{ tripId: trip.id, status: "requested", at: now }, { tripId: trip.id, status: "matching", at: now }] });
      return trip.id;
    }, RIDES_TRANSACTION);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "You already have a trip under way.");
    throw error;
  }
  await recordRequest(redis, input.pickup, tripId, now.getTime());
  await enqueue("rides-match", { tripId }, { jobId: `match-${tripId}-0` });
  return { id: tripId };
}
