import { distanceMeters, type LatLng } from "../demo-city/geo";

/*
 * Travel without a routing server: the great-circle distance
 * (demo-city/geo.ts) times a detour factor for streets, at an average city speed. Pure.
 */

/** Streets are longer than the straight line: a usual factor for a city grid. */
export const DETOUR_FACTOR = 1.3;
/** Average city driving speed, m/s (30 km/h). */
export const AVERAGE_SPEED_MPS = 30 / 3.6;

export type RouteEstimate = { distanceMeters: number; durationSeconds: number };

/** A street route's length and duration estimated from the straight line. */
export function estimateRoute(from: LatLng, to: LatLng): RouteEstimate {
  const meters = Math.round(distanceMeters(from, to) * DETOUR_FACTOR);
  return { distanceMeters: meters, durationSeconds: Math.round(meters / AVERAGE_SPEED_MPS) };
}
