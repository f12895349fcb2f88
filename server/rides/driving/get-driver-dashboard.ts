import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { readDriver, type DriverState } from "@/server/rides/drivers/driver-index";
import { acceptanceRateOf, ratingOf } from "@/server/rides/matching/score";
import { OPEN_DRIVER_STATUSES } from "@/server/rides/trips/trip-states";
import { toTripView, TRIP_VIEW_SELECT, type TripView } from "@/server/rides/trips/trip-view";
import type { OfferEvent } from "@/server/rides/rides-channels";

export type DriverDashboard = {
  registered: boolean;
  profile: { car: string; plate: string; rating: number; acceptanceRate: number } | null;
  online: boolean;
  state: DriverState | null;
  offer: OfferEvent | null;
  trip: TripView | null;
  earnings: { todayCents: number; weekCents: number; tripsToday: number; tripsThisWeek: number; currency: string };
};

/**
 * Everything the driver's page shows: online or not, the offer waiting for an
 * answer (the page also hears it live), the trip under way, and the fares of
 * trips completed today and in the last 7 days (UTC days).
 */
export async function getDriverDashboard({ db, redis, driverId, now = new Date() }: { db: Db; redis: Redis; driverId: string; now?: Date }): Promise<DriverDashboard> {
  const profile = await db.driverProfile.findUnique({ where: { userId: driverId } });
  const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekAgo = new Date(startOfDay.getTime() - 6 * 24 * 3600 * 1000);
  const [record, offer, trip, completed] = await Promise.all([
    readDriver(redis, driverId),
    db.tripOffer.findFirst({ where: { driverId, status: "pending", expiresAt: { gt: now } }, include: { trip: true } }),
    db.trip.findFirst({ where: { driverId, status: { in: [...OPEN_DRIVER_STATUSES] } }, select: TRIP_VIEW_SELECT }),
    db.tripEvent.findMany({ where: { status: "completed", at: { gte: weekAgo }, trip: { driverId } }, select: { at: true, trip: { select: { fareCents: true } } } }),
  ]);
  const today = completed.filter((event) => event.at >= startOfDay);
  const sum = (events: typeof completed) => events.reduce((total, event) => total + event.trip.fareCents, 0);
  return {
    registered: profile !== null,
    profile: profile
      ? { car: `${profile.carColor} ${profile.carMake} ${profile.carModel}`, plate: profile.plate, rating: Math.round(ratingOf(profile) * 100) / 100, acceptanceRate: acceptanceRateOf(profile) }
      : null,
    online: record !== null,
    state: record?.state ?? null,
    offer: offer
      ? {
          offerId: offer.id,
          tripId: offer.tripId,
          pickup: { lat: offer.trip.pickupLat, lng: offer.trip.pickupLng, name: offer.trip.pickupName },
          dropoff: { lat: offer.trip.dropoffLat, lng: offer.trip.dropoffLng, name: offer.trip.dropoffName },
          pickupMeters: offer.pickupMeters,
          fareCents: offer.trip.fareCents,
          currency: offer.trip.currency,
          expiresAt: offer.expiresAt.toISOString(),
        }
      : null,
    trip: trip ? await toTripView(redis, trip, driverId) : null,
    earnings: { todayCents: sum(today), weekCents: sum(completed), tripsToday: today.length, tripsThisWeek: completed.length, currency: "usd" },
  };
}
