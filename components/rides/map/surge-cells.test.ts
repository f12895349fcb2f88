import { cellToLatLng, latLngToCell } from "h3-js";
import { describe, expect, it } from "vitest";
import { surgeGeoJson } from "./surge-cells";

describe("surge heat layer", () => {
  it("draws each H3 cell as a closed hexagon around its centre, in GeoJSON's [lng, lat] order", () => {
    const cell = latLngToCell(37.7749, -122.4194, 8);
    const { features } = surgeGeoJson([{ cell, multiplier: 1.8 }, { cell: "not-a-cell", multiplier: 2 }]);
    expect(features).toHaveLength(1);
    const [feature] = features;
    expect(feature?.properties.multiplier).toBe(1.8);
    const ring = feature?.geometry.coordinates[0] ?? [];
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    const [lat, lng] = cellToLatLng(cell);
    for (const [vertexLng = 0, vertexLat = 0] of ring) {
      expect(Math.abs(vertexLng - lng)).toBeLessThan(0.01);
      expect(Math.abs(vertexLat - lat)).toBeLessThan(0.01);
    }
  });
});
