import polygonClipping from "polygon-clipping";
import type { MultiPolygon as ClipMultiPolygon, Polygon as ClipPolygon } from "polygon-clipping";
import type { MultiPolygon, Polygon, Position } from "geojson";

/**
 * Natural Earth polygons that cross the antimeridian (Chukotka, Fiji,
 * Antarctica) come out of TopoJSON with rings that jump from +180 to -180.
 * Drawn on a flat map those jumps become stripes across the whole world.
 * Here every ring is first made continuous (its longitudes unwrapped), then:
 * - a ring that goes once around the globe (Antarctica) is closed along the pole;
 * - a polygon that reaches past ±180 is cut at the line, and the part beyond
 *   is shifted back by 360° so that every ring stays within [-180, 180].
 */
export function splitAtAntimeridian(polygon: Polygon | MultiPolygon): MultiPolygon {
  const polygons = polygon.type === "Polygon" ? [polygon.coordinates] : polygon.coordinates;
  const parts: Position[][][] = [];
  for (const rings of polygons) parts.push(...splitPolygon(rings));
  return { type: "MultiPolygon", coordinates: parts };
}

const POLE_LATITUDE = 90;

function splitPolygon(rings: Position[][]): Position[][][] {
  const unwrapped = rings.map(unwrapRing);
  const [outer, ...holes] = unwrapped;
  if (!outer) return [];
  const circling = Math.round((last(outer)[0] - first(outer)[0]) / 360);
  if (circling !== 0) {
    // Once around the globe: the ring's open ends meet again along the pole nearest to it.
    const pole = Math.sign(outer.reduce((sum, [, lat]) => sum + (lat ?? 0), 0)) * POLE_LATITUDE;
    const closed = [...outer, [last(outer)[0], pole], [first(outer)[0], pole], first(outer)];
    return clipToWorld([closed, ...holes]);
  }
  const longitudes = outer.map(([lng]) => lng ?? 0);
  if (Math.min(...longitudes) >= -180 && Math.max(...longitudes) <= 180) return [rings];
  return clipToWorld([outer, ...holes]);
}

/** Cuts a continuous polygon into the parts inside [-180, 180], shifting parts beyond the line back into range. */
function clipToWorld(rings: Position[][]): Position[][][] {
  const subject = rings.map((ring) => ring.map(([lng, lat]) => [lng ?? 0, lat ?? 0] as [number, number])) as ClipPolygon;
  const parts: Position[][][] = [];
  for (const shift of [-360, 0, 360]) {
    const window: ClipPolygon = [box(-180 - shift, 180 - shift)];
    const inside: ClipMultiPolygon = polygonClipping.intersection(subject, window);
    for (const polygon of inside) parts.push(polygon.map((ring) => ring.map(([lng, lat]) => [round(lng + shift), lat])));
  }
  return parts;
}

function box(west: number, east: number): [number, number][] {
  return [[west, -POLE_LATITUDE], [east, -POLE_LATITUDE], [east, POLE_LATITUDE], [west, POLE_LATITUDE], [west, -POLE_LATITUDE]];
}

/** Adds or removes whole turns so that no step between neighbours is longer than 180° of longitude. */
function unwrapRing(ring: Position[]): Position[] {
  let offset = 0;
  return ring.map(([lng = 0, lat = 0], index) => {
    if (index > 0) {
      const previous = (ring[index - 1]?.[0] ?? 0) + offset;
      const step = lng + offset - previous;
      if (step > 180) offset -= 360;
      else if (step < -180) offset += 360;
    }
    return [lng + offset, lat];
  });
}

const first = (ring: Position[]) => ring[0] as [number, number];
const last = (ring: Position[]) => ring[ring.length - 1] as [number, number];
/** Shifting by 360 leaves binary noise (179.99999999999997); keep 1e-9° (0.1 mm). */
const round = (value: number) => Math.round(value * 1e9) / 1e9;
