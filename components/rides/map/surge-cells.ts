import type { FeatureCollection, Polygon } from "geojson";
import { cellToBoundary, isValidCell } from "h3-js";

/** An H3 cell (e.g. resolution 8, ~0.7 km²) and its price multiplier (1.0–2.5). */
export type SurgeCell = { cell: string; multiplier: number };

/** The cells as GeoJSON hexagons carrying their multiplier, for the heat layer; cells that are not valid H3 are left out. */
export function surgeGeoJson(cells: readonly SurgeCell[]): FeatureCollection<Polygon, { multiplier: number }> {
  return {
    type: "FeatureCollection",
    features: cells
      .filter(({ cell }) => isValidCell(cell))
      .map(({ cell, multiplier }) => ({
        type: "Feature",
        properties: { multiplier },
        // GeoJSON order ([lng, lat]) and a closed ring.
        geometry: { type: "Polygon", coordinates: [cellToBoundary(cell, true)] },
      })),
  };
}
