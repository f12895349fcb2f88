import { distanceMeters, type LatLng } from "@/server/rides/demo-city/geo";
import { isMappable, COORDINATES_MESSAGE } from "@/server/rides/geo/coordinates";

/**
 * Is a driver's location update believable? Ranges, GPS accuracy and speed
 * against the previous accepted fix. Pure (location-plausibility tests).
 */
export const MAX_ACCURACY_METERS = 50;
/** Faster than any car in a city (250 km/h): a jump beyond it is a spoofed or broken fix. */
export const MAX_SPEED_MPS = 250 / 3.6;
/** GPS noise: two fixes a moment apart may disagree by this much without anyone moving. */
const JITTER_METERS = 100;

export type Fix = LatLng & { at: number };
export type LocationVerdict = { ok: true; flagged: boolean } | { ok: false; reason: string };

export function checkLocation(next: Fix & { accuracy: number }, previous: Fix | null): LocationVerdict {
  if (!isMappable(next)) return { ok: false, reason: COORDINATES_MESSAGE };
  if (previous) {
    const seconds = Math.max(0, next.at - previous.at) / 1000;
    const meters = distanceMeters(previous, next);
    if (meters > MAX_SPEED_MPS * seconds + JITTER_METERS) {
      return { ok: false, reason: `That position is ${(meters / 1000).toFixed(1)} km from the last one ${seconds.toFixed(1)} s ago: too fast to be real.` };
    }
  }
  // A coarse fix still moves the driver (better than a frozen marker) but is marked as such.
  return { ok: true, flagged: !(next.accuracy <= MAX_ACCURACY_METERS) };
}
