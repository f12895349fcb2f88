import type { Redis } from "@/server/platform/redis";
import type { LatLng } from "@/server/rides/demo-city/geo";
import { searchAvailable, type NearbyDriver } from "./driver-index";

/**
 * The search radii, widened in turn until enough drivers are found. GEOSEARCH
 * costs in proportion to the drivers inside the circle, and 50,000 drivers on
 * the demo city's roads put ~1,200 within 1 km of a pickup: measured alone,
 * 1 km took p50 0.8 ms, 500 m 0.28 ms, 250 m 0.13 ms, and 250 m held 10 drivers
 * every time (bench:rides). So a dense city stops at 250 m, and a sparse one
 * pays for a few more searches, each cheap because it is sparse.
 */
export const SEARCH_RADII_METERS = [250, 500, 1_000, 2_000, 5_000, 10_000] as const;

/**
 * The nearest available drivers: the smallest radius holding `wanted` of
 * them, or whatever the widest radius holds. Answers the radius it stopped at.
 */
export async function findNearbyDrivers(redis: Redis, center: LatLng, wanted: number, radii: readonly number[] = SEARCH_RADII_METERS): Promise<{ radiusMeters: number; drivers: NearbyDriver[] }> {
  let found: NearbyDriver[] = [];
  let radiusMeters = radii[0] ?? 0;
  for (const radius of radii) {
    radiusMeters = radius;
    found = await searchAvailable(redis, center, radius, wanted);
    if (found.length >= wanted) break;
  }
  return { radiusMeters, drivers: found };
}
