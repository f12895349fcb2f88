import { z } from "zod";
import type { Redis } from "@/server/platform/redis";
import { findNearbyDrivers } from "@/server/rides/drivers/nearby-drivers";
import { AVERAGE_SPEED_MPS, DETOUR_FACTOR, type RouteEstimate } from "@/server/rides/geo/distance";
import { Latitude, Longitude } from "@/server/rides/geo/coordinates";
import { routeBetweenPlaces } from "@/server/rides/geo/route-between";
import { calculateFare, FARE_RATES, type FareBreakdown } from "@/server/rides/pricing/fare";
import { surgeAt } from "@/server/rides/pricing/surge-window";

const Place = z.object({ lat: Latitude, lng: Longitude, name: z.string().trim().max(120).default("") });
export const TripPlacesInput = z.object({ pickup: Place, dropoff: Place });
export type TripPlacesInput = z.infer<typeof TripPlacesInput>;

export type TripEstimate = {
  route: RouteEstimate;
  fare: FareBreakdown;
  currency: string;
  /** True when the pickup's cell is surging; `fare.surgeHundredths` says by how much. */
  surging: boolean;
  /** Seconds for the nearest available driver to reach the pickup, or null when none is within 10 km. */
  nearestDriverEtaSeconds: number | null;
};

/**
 * What a trip would cost and how soon a driver could be there: the route
 * (OSRM's with ROUTING_URL, else haversine × detour at an average speed), the fare with the pickup cell's
 * surge, the nearest available driver's ETA.
 */
export async function estimateTrip({ redis, input, now = Date.now() }: { redis: Redis; input: TripPlacesInput; now?: number }): Promise<TripEstimate> {
  const [{ distanceMeters, durationSeconds }, surge, nearest] = await Promise.all([
    routeBetweenPlaces(input.pickup, input.dropoff),
    surgeAt(redis, input.pickup, now),
    findNearbyDrivers(redis, input.pickup, 1),
  ]);
  const route = { distanceMeters, durationSeconds };
  const fare = calculateFare({ ...route, surgeHundredths: surge.hundredths });
  const closest = nearest.drivers[0];
  return {
    route,
    fare,
    currency: FARE_RATES.currency,
    surging: surge.hundredths > 100,
    nearestDriverEtaSeconds: closest ? Math.round((closest.distanceMeters * DETOUR_FACTOR) / AVERAGE_SPEED_MPS) : null,
  };
}
