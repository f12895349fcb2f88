import type { MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { splitAtAntimeridian } from "./antimeridian";

/** Steps between neighbouring points longer than 180° of longitude: the stripes across the map (the pole's own edge excepted). */
function stripes(shape: MultiPolygon): number {
  let count = 0;
  for (const polygon of shape.coordinates) for (const ring of polygon) {
    for (let index = 1; index < ring.length; index++) {
      const [lng1 = 0, lat1 = 0] = ring[index - 1] as Position;
      const [lng2 = 0, lat2 = 0] = ring[index] as Position;
      if (Math.abs(lng2 - lng1) > 180 && !(Math.abs(lat1) === 90 && lat1 === lat2)) count++;
    }
  }
  return count;
}

const longitudes = (shape: MultiPolygon) => shape.coordinates.flat(2).map(([lng = 0]) => lng);

describe("splitAtAntimeridian", () => {
  it("cuts an island that straddles the line into a part on each side", () => {
    // Like Fiji's Vanua Levu or Chukotka: from 179° east across to 179° west.
    const island: Polygon = { type: "Polygon", coordinates: [[[179, -16], [-179, -16], [-179, -17], [179, -17], [179, -16]]] };
    expect(stripes({ type: "MultiPolygon", coordinates: [island.coordinates] })).toBe(2);
    const split = splitAtAntimeridian(island);
    expect(stripes(split)).toBe(0);
    expect(split.coordinates).toHaveLength(2);
    const [lowest, highest] = [Math.min(...longitudes(split)), Math.max(...longitudes(split))];
    expect([lowest, highest]).toEqual([-180, 180]);
    const east = split.coordinates.find((polygon) => polygon[0]?.some(([lng = 0]) => lng > 0));
    expect(east?.[0]?.map(([lng]) => lng).sort()).toEqual([179, 179, 180, 180, 179].sort());
  });

  it("closes a ring that goes once around the globe along the pole (Antarctica)", () => {
    const ring: Position[] = [];
    for (let lng = -180; lng < 180; lng += 30) ring.push([lng, -70 + (lng / 30) % 2]);
    ring.push([-180, -70]); // back where it began: 180° east is the same meridian
    const split = splitAtAntimeridian({ type: "Polygon", coordinates: [ring] });
    expect(stripes(split)).toBe(0);
    expect(split.coordinates).toHaveLength(1);
    const lats = split.coordinates.flat(2).map(([, lat]) => lat);
    expect(Math.min(...(lats as number[]))).toBe(-90);
    expect(Math.max(...longitudes(split)) - Math.min(...longitudes(split))).toBe(360);
  });

  it("leaves a polygon away from the line as it is", () => {
    const square: Polygon = { type: "Polygon", coordinates: [[[-122.5, 37.7], [-122.3, 37.7], [-122.3, 37.8], [-122.5, 37.8], [-122.5, 37.7]]] };
    expect(splitAtAntimeridian(square)).toEqual({ type: "MultiPolygon", coordinates: [square.coordinates] });
  });
});
