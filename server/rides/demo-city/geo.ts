/**
 * Plain spherical geometry for the demo city: distances, headings and points
 * along a path. Pure and client-safe (the map animates with it, the driver
 * simulator moves along routes with it). Good to a few metres at city scale.
 */

export type LatLng = { lat: number; lng: number };

const EARTH_RADIUS_M = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Compass heading from a to b in degrees, 0 = north, 90 = east, in [0, 360). */
export function headingDegrees(a: LatLng, b: LatLng): number {
  const lat1 = toRadians(a.lat);
  const lat2 = toRadians(b.lat);
  const dLng = toRadians(b.lng - a.lng);
  const y = Math.sin(dLng) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLng);
  return (toDegrees(Math.atan2(y, x)) + 360) % 360;
}

/** The point a fraction t (0..1) of the way from a to b (linear in degrees: exact enough over a few km). */
export function interpolate(a: LatLng, b: LatLng, t: number): LatLng {
  return { lat: a.lat + (b.lat - a.lat) * t, lng: a.lng + (b.lng - a.lng) * t };
}

/** Total length of a path in metres. */
export function pathLengthMeters(path: readonly LatLng[]): number {
  let total = 0;
  for (let index = 1; index < path.length; index++) total += distanceMeters(path[index - 1] as LatLng, path[index] as LatLng);
  return total;
}

/**
 * Where a traveller is after `meters` along `path`, and which way it faces.
 * Before the start: the first point; past the end: the last point (facing along the last segment).
 */
export function pointAlongPath(path: readonly LatLng[], meters: number): { position: LatLng; heading: number } {
  const first = path[0];
  if (!first) throw new Error("pointAlongPath needs a path with at least one point");
  let remaining = Math.max(0, meters);
  let heading = path.length > 1 ? headingDegrees(first, path[1] as LatLng) : 0;
  for (let index = 1; index < path.length; index++) {
    const from = path[index - 1] as LatLng;
    const to = path[index] as LatLng;
    const length = distanceMeters(from, to);
    if (length === 0) continue;
    heading = headingDegrees(from, to);
    if (remaining <= length) return { position: interpolate(from, to, remaining / length), heading };
    remaining -= length;
  }
  return { position: path[path.length - 1] as LatLng, heading };
}

/** Shortest turn from one heading to another, in degrees (-180, 180]: a car turning from 350° to 10° turns +20°, not -340°. */
export function headingDelta(from: number, to: number): number {
  const delta = (((to - from) % 360) + 540) % 360 - 180;
  return delta === -180 ? 180 : delta;
}
