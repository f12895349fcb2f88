/**
 * Distances and travel times without a routing server: great-circle distance
 * (haversine), a detour factor for streets and an average city speed. Pure.
 */
const EARTH_RADIUS_METERS = 6_371_008.8;
/** Streets are longer than the straight line: a usual factor for a city grid. */
export const DETOUR_FACTOR = 1.3;
/** Average city driving speed, m/s (30 km/h). */
export const AVERAGE_SPEED_MPS = 30 / 3.6;

export type LatLng = { lat: number; lng: number };

export function haversineMeters(a: LatLng, b: LatLng): number {
  const toRadians = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRadians;
  const dLng = (b.lng - a.lng) * toRadians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRadians) * Math.cos(b.lat * toRadians) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type RouteEstimate = { distanceMeters: number; durationSeconds: number };

/** A street route's length and duration estimated from the straight line. */
export function estimateRoute(from: LatLng, to: LatLng): RouteEstimate {
  const distanceMeters = Math.round(haversineMeters(from, to) * DETOUR_FACTOR);
  return { distanceMeters, durationSeconds: Math.round(distanceMeters / AVERAGE_SPEED_MPS) };
}
