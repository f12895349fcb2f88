import { z } from "zod";

/**
 * Redis's GEO index (drivers, nearby searches) stores points in Web Mercator,
 * which ends at ±85.05112878° latitude: a point beyond it makes GEOADD and
 * GEOSEARCH fail, so every coordinate Rides takes is checked against this
 * range first and a person gets a clear 400 instead of a server error.
 */
export const MAX_LATITUDE = 85.05112878;

export const COORDINATES_MESSAGE = `Latitude must be within ±${MAX_LATITUDE.toFixed(2)} and longitude within ±180 (rides cannot reach the poles).`;

export const Latitude = z.number().min(-MAX_LATITUDE, COORDINATES_MESSAGE).max(MAX_LATITUDE, COORDINATES_MESSAGE);
export const Longitude = z.number().min(-180, COORDINATES_MESSAGE).max(180, COORDINATES_MESSAGE);

/** The same range for a value that has already passed a schema elsewhere (location-check.ts). */
export function isMappable(point: { lat: number; lng: number }): boolean {
  return point.lat >= -MAX_LATITUDE && point.lat <= MAX_LATITUDE && point.lng >= -180 && point.lng <= 180;
}
