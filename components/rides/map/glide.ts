import { distanceMeters, headingDegrees, headingDelta, interpolate, type LatLng } from "@/server/rides/demo-city/geo";

/** Where a car is drawn and which way it faces (degrees, 0 = north). */
export type Pose = LatLng & { heading: number };

/**
 * The car's pose a fraction t (0..1) of the way between two position
 * updates: it slides along the straight line and turns the short way round.
 */
export function glide(from: Pose, to: Pose, t: number): Pose {
  const clamped = Math.min(1, Math.max(0, t));
  const position = interpolate(from, to, clamped);
  const heading = (from.heading + headingDelta(from.heading, to.heading) * clamped + 360) % 360;
  return { ...position, heading };
}

/**
 * The pose to glide to for a new position update: its own heading when the
 * update has one, else the direction it moved in, else (standing still, or
 * within GPS jitter) the heading it had.
 */
export function nextPose(from: Pose, update: LatLng & { heading?: number | null }): Pose {
  if (update.heading !== undefined && update.heading !== null) return { lat: update.lat, lng: update.lng, heading: update.heading };
  const moved = distanceMeters(from, update) > 3;
  return { lat: update.lat, lng: update.lng, heading: moved ? headingDegrees(from, update) : from.heading };
}

/** How long to glide: the time since the previous update (the car then arrives as the next one comes), within bounds. */
export function glideDuration(sincePreviousMs: number | undefined): number {
  if (sincePreviousMs === undefined) return 0;
  return Math.min(3_000, Math.max(250, sincePreviousMs));
}
