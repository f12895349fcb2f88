import type { LatLng } from "./geo";

/**
 * The demo city: San Francisco. Its named places are real (places.ts); its
 * road network is generated (roads.ts), so offline the map shows real land
 * and water with a made-up grid of roads on it, and with a Mapbox token the
 * real streets show beneath.
 */

/** [west, south, east, north] in degrees. */
export type Bounds = readonly [west: number, south: number, east: number, north: number];

export const DEMO_CITY = {
  name: "San Francisco",
  center: { lat: 37.7749, lng: -122.4194 } satisfies LatLng,
  /** Where rides happen: named places, roads and simulated drivers all lie inside. */
  bounds: [-122.515, 37.708, -122.357, 37.812] as Bounds,
  /** The map's opening zoom: the whole city on a laptop screen. */
  zoom: 12,
} as const;

/** What the offline basemap's detailed tiles cover (the Bay around the city); outside it, Natural Earth's world land. */
export const BASEMAP_REGION: Bounds = [-122.75, 37.55, -122.1, 37.95];

export function isInside(bounds: Bounds, point: LatLng): boolean {
  const [west, south, east, north] = bounds;
  return point.lng >= west && point.lng <= east && point.lat >= south && point.lat <= north;
}
