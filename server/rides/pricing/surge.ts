import { latLngToCell } from "h3-js";

/**
 * Surge per H3 cell (resolution 8, hexagons of ~0.74 km²): the open requests
 * of the last SURGE_WINDOW (a sliding window kept in Redis, surge-window.ts)
 * against the drivers available in the cell. Pure.
 */
export const SURGE_RESOLUTION = 8;
export const SURGE_MIN_HUNDREDTHS = 100;
export const SURGE_MAX_HUNDREDTHS = 250;
/** Each request beyond one per available driver adds this much (0.5×), in steps of 0.1×. */
const SURGE_PER_EXCESS_RATIO = 50;

export function surgeCellOf(lat: number, lng: number): string {
  return latLngToCell(lat, lng, SURGE_RESOLUTION);
}

/**
 * 1.0× while there is at least one available driver per open request; above
 * that, 1.0 + 0.5 × (requests / drivers − 1), rounded down to a tenth and
 * capped at 2.5×. With no driver at all, any demand is the cap.
 */
export function surgeHundredths(openRequests: number, availableDrivers: number): number {
  if (openRequests <= 0) return SURGE_MIN_HUNDREDTHS;
  if (availableDrivers <= 0) return SURGE_MAX_HUNDREDTHS;
  const ratio = openRequests / availableDrivers;
  if (ratio <= 1) return SURGE_MIN_HUNDREDTHS;
  const raw = SURGE_MIN_HUNDREDTHS + (ratio - 1) * SURGE_PER_EXCESS_RATIO;
  return Math.min(SURGE_MAX_HUNDREDTHS, Math.floor(raw / 10) * 10);
}

/** "1.5×". */
export function formatSurge(hundredths: number): string {
  return `${(hundredths / 100).toFixed(1)}×`;
}
