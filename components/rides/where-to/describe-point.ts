import { distanceMeters, type LatLng } from "@/server/rides/demo-city/geo";
import { NAMED_PLACES } from "@/server/rides/demo-city/places";

/** Within this distance a point is described by the named place it is at or near. */
const AT_METERS = 40;
const NEAR_METERS = 250;

/**
 * Words for a point picked on the map: the named place it is at, "Near" the
 * closest one within a few minutes' walk, or else its coordinates.
 */
export function describePoint(point: LatLng): string {
  let closest: { name: string; meters: number } | undefined;
  for (const place of NAMED_PLACES) {
    const meters = distanceMeters(point, place);
    if (!closest || meters < closest.meters) closest = { name: place.name, meters };
  }
  if (closest && closest.meters <= AT_METERS) return closest.name;
  if (closest && closest.meters <= NEAR_METERS) return `Near ${closest.name}`;
  return `${point.lat.toFixed(5)}, ${point.lng.toFixed(5)}`;
}
