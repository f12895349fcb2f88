import type { Redis } from "@/server/platform/redis";
import type { LatLng } from "@/server/rides/demo-city/geo";
import { searchAvailable, type NearbyDriver } from "./driver-index";

/** The search radii, widened in turn until enough drivers are found (a small radius is the fast path: ~1 ms at 50,000 drivers). */
export const SEARCH_RADII_METERS = [1_000, 2_000, 5_000, 10_000] as const;

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
