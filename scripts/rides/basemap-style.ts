import type { LineLayerSpecification, StyleSpecification } from "maplibre-gl";
import { BASEMAP_REGION } from "@/server/rides/demo-city/city";

/**
 * The offline basemap's MapLibre style. URLs are relative to the site (the
 * map resolves them against the page's origin): nothing is fetched from
 * anywhere else. No text layers: there are no glyphs offline.
 */
export const BASEMAP_URL = "/rides/basemap";
export const TILE_MIN_ZOOM = 8;
export const TILE_MAX_ZOOM = 12;

type LineWidth = NonNullable<NonNullable<LineLayerSpecification["paint"]>["line-width"]>;

const WATER = "#a8d5f2";
const LAND = "#f3f0e8";
const STREET = "#ffffff";
const AVENUE = "#f8d77c";
const CASING = "#d9d3c5";

export function basemapStyle(): StyleSpecification {
  const width = (base: number): LineWidth => ["interpolate", ["exponential", 1.6], ["zoom"], 10, base * 0.4, 14, base * 2, 18, base * 8];
  return {
    version: 8,
    name: "Casebook offline basemap (Natural Earth land, generated roads)",
    sources: {
      world: { type: "geojson", data: `${BASEMAP_URL}/world-land.geojson`, attribution: "Natural Earth" },
      city: {
        type: "vector",
        tiles: [`${BASEMAP_URL}/tiles/{z}/{x}/{y}.pbf`],
        minzoom: TILE_MIN_ZOOM,
        maxzoom: TILE_MAX_ZOOM,
        bounds: [...BASEMAP_REGION],
        attribution: "Natural Earth; roads generated",
      },
    },
    layers: [
      { id: "water", type: "background", paint: { "background-color": WATER } },
      { id: "world-land", type: "fill", source: "world", paint: { "fill-color": LAND } },
      // Inside the region the finer 1:10m land replaces the 1:50m one: its box is painted as water first.
      { id: "region-water", type: "fill", source: "city", "source-layer": "region", paint: { "fill-color": WATER } },
      { id: "land", type: "fill", source: "city", "source-layer": "land", paint: { "fill-color": LAND } },
      roadLayer({ id: "street-casing", colour: CASING, width: width(1.6), minzoom: 12 }),
      roadLayer({ id: "streets", roadClass: "street", colour: STREET, width: width(1.2), minzoom: 12 }),
      roadLayer({ id: "avenues", roadClass: "avenue", colour: AVENUE, width: width(2) }),
    ],
  };
}

/** A line layer of the generated roads: one class of them (or all, for the casing), shown from `minzoom`. */
function roadLayer({ id, roadClass, colour, width, minzoom }: { id: string; roadClass?: string; colour: string; width: LineWidth; minzoom?: number }): LineLayerSpecification {
  return {
    id,
    type: "line",
    source: "city",
    "source-layer": "roads",
    ...(roadClass ? { filter: ["==", ["get", "class"], roadClass] } : {}),
    ...(minzoom ? { minzoom } : {}),
    layout: { "line-cap": "round", "line-join": "round" },
    paint: { "line-color": colour, "line-width": width },
  };
}
