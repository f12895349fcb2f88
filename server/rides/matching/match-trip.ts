import { env } from "@/server/env";
import type { Db } from "@/server/platform/db";
import { isUniqueViolation } from "@/server/platform/db-errors";
import { logger } from "@/server/platform/logger";
import { enqueue } from "@/server/platform/queue";
import { publish } from "@/server/platform/realtime";
import type { Redis } from "@/server/platform/redis";
import { moveDriver } from "@/server/rides/drivers/driver-index";
import { sweepSilentDrivers } from "@/server/rides/drivers/driver-sweeper";
import { findNearbyDrivers } from "@/server/rides/drivers/nearby-drivers";
import { forgetRequest } from "@/server/rides/pricing/surge-window";
import { driverChannel, RIDES_EVENTS, type OfferEvent } from "@/server/rides/rides-channels";
import { announceTripStatus, moveTrip } from "@/server/rides/trips/move-trip";
import { acceptanceRateOf, rankCandidates, ratingOf } from "./score";
import { RIDES_TRANSACTION } from "@/server/rides/rides-transaction";

/** Untried drivers the search widens its radius for before ranking them. */
export const MATCH_CANDIDATES = 5;
const log = logger.child({ module: "rides-matching" });

export type MatchOutcome = { offeredTo: string } | { outcome: "no_drivers" | "not_matching" | "offer_pending" };

/**
 * The matching job's step for one trip: find the nearest untried available
 * drivers (radius 250 m → … → 10 km), rank them by the seeds' score, and
 * offer the trip to the best one that can still be claimed; the offer expires
 * after RIDES_OFFER_TIMEOUT_MS (job "rides-offer-expiry", which runs this
 * again). After RIDES_MAX_OFFERS offers, or with no candidate left, the trip
 * is "no drivers". Safe to run twice: it does nothing while an offer is out.
 *
 * A driver is claimed first in Redis (available → offered, one script), then
 * the offer row is written; Postgres's one-pending-offer-per-driver index is
 * the last word if the two ever disagree.
 */
export async function matchTrip({ db, redis, tripId, now = new Date() }: { db: Db; redis: Redis; tripId: string; now?: Date }): Promise<MatchOutcome> {
  const trip = await db.trip.findUnique({
    where: { id: tripId },
    select: { status: true, riderId: true, offerCount: true, pickupLat: true, pickupLng: true, pickupName: true, dropoffLat: true, dropoffLng: true, dropoffName: true, fareCents: true, currency: true, offers: { select: { driverId: true, status: true } } },
  });
  if (!trip || trip.status !== "matching") return { outcome: "not_matching" };
  if (trip.offers.some((offer) => offer.status === "pending")) return { outcome: "offer_pending" };
  const pickup = { lat: trip.pickupLat, lng: trip.pickupLng };
  if (trip.offerCount >= env.RIDES_MAX_OFFERS) return giveUp(db, redis, tripId, pickup);

  await sweepSilentDrivers(redis, now.getTime());
  // The rider too: a driver who is online and asks for a ride would otherwise be offered it, and could then rate themselves.
  const tried = new Set([trip.riderId, ...trip.offers.map((offer) => offer.driverId)]);
  const { drivers, radiusMeters } = await findNearbyDrivers(redis, pickup, MATCH_CANDIDATES + tried.size);
  const untried = drivers.filter((found) => !tried.has(found.driverId));
  const profiles = await db.driverProfile.findMany({ where: { userId: { in: untried.map((found) => found.driverId) } } });
  const byId = new Map(profiles.map((profile) => [profile.userId, profile]));
  const ranked = rankCandidates(
    untried.flatMap((found) => {
      const profile = byId.get(found.driverId);
      return profile ? [{ ...found, rating: ratingOf(profile), acceptanceRate: acceptanceRateOf(profile) }] : [];
    }),
  );

  for (const candidate of ranked) {
    if (!(await moveDriver(redis, candidate.driverId, { from: "available", to: "offered", newTripId: tripId }))) continue;
    const expiresAt = new Date(now.getTime() + env.RIDES_OFFER_TIMEOUT_MS);
    const offerId = await writeOffer(db, { tripId, offerCount: trip.offerCount, driverId: candidate.driverId, pickupMeters: Math.round(candidate.distanceMeters), score: candidate.score, expiresAt });
    if (offerId === "taken" || offerId === "trip_moved") {
      await moveDriver(redis, candidate.driverId, { from: "offered", tripId, to: "available" });
      if (offerId === "trip_moved") return { outcome: "not_matching" };
      continue;
    }
    await enqueue("rides-offer-expiry", { offerId }, { jobId: `expiry-${offerId}`, delay: env.RIDES_OFFER_TIMEOUT_MS });
    const event: OfferEvent = {
      offerId,
      tripId,
      pickup: { ...pickup, name: trip.pickupName },
      dropoff: { lat: trip.dropoffLat, lng: trip.dropoffLng, name: trip.dropoffName },
      pickupMeters: Math.round(candidate.distanceMeters),
      fareCents: trip.fareCents,
      currency: trip.currency,
      expiresAt: expiresAt.toISOString(),
    };
    await publish(driverChannel(candidate.driverId), RIDES_EVENTS.offer, event).catch((error: unknown) =>
      log.warn({ offerId, err: error instanceof Error ? error.message : String(error) }, "could not push an offer (the driver's page polls too)"),
    );
    return { offeredTo: candidate.driverId };
  }
  // Why a rider saw "no drivers": nobody within the widest radius, or everyone found already tried or taken.
  log.info({ tripId, radiusMeters, found: drivers.length, untried: untried.length, ranked: ranked.length }, "no driver could take the trip");
  return giveUp(db, redis, tripId, pickup);
}

/** The offer row, the trip's offer count (only while it is still matching, at the count read) and the driver's offers made, together. */
async function writeOffer(db: Db, offer: { tripId: string; offerCount: number; driverId: string; pickupMeters: number; score: number; expiresAt: Date }): Promise<string | "taken" | "trip_moved"> {
  try {
    return await db.$transaction(async (tx) => {
      const counted = await tx.trip.updateMany({ where: { id: offer.tripId, status: "matching", offerCount: offer.offerCount }, data: { offerCount: { increment: 1 } } });
      if (counted.count === 0) throw new TripMoved();
      const row = await tx.tripOffer.create({ data: { tripId: offer.tripId, driverId: offer.driverId, pickupMeters: offer.pickupMeters, score: offer.score, expiresAt: offer.expiresAt }, select: { id: true } });
      await tx.driverProfile.update({ where: { userId: offer.driverId }, data: { offersMade: { increment: 1 } } });
      return row.id;
    }, RIDES_TRANSACTION);
  } catch (error) {
    if (error instanceof TripMoved) return "trip_moved";
    if (isUniqueViolation(error)) return "taken";
    throw error;
  }
}

class TripMoved extends Error {}

async function giveUp(db: Db, redis: Redis, tripId: string, pickup: { lat: number; lng: number }): Promise<MatchOutcome> {
  const at = new Date();
  if (await moveTrip(db, tripId, "no_drivers", { where: { status: "matching" }, at })) {
    await forgetRequest(redis, pickup, tripId);
    await announceTripStatus(tripId, "no_drivers", at);
  }
  return { outcome: "no_drivers" };
}
