import type { StyleSpecification } from "maplibre-gl";
import { BASEMAP_REGION } from "@/server/rides/demo-city/city";

/**
 * The offline basemap's MapLibre style. URLs are relative to the site (the
 * map resolves them against the page's origin): nothing is fetched from
 * anywhere else. No text layers: there are no glyphs offline.
 */
export const BASEMAP_URL = "/rides/basemap";
export const TILE_MIN_ZOOM = 8;
export const TILE_MAX_ZOOM = 12;

const WATER = "#a8d5f2";
const LAND = "#f3f0e8";
const STREET = "#ffffff";
const AVENUE = "#f8d77c";
const CASING = "#d9d3c5";

export function basemapStyle(): StyleSpecification {
  const width = (base: number) => ["interpolate", ["exponential", 1.6], ["zoom"], 10, base * 0.4, 14, base * 2, 18, base * 8] as never;
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
      {
        id: "street-casing",
        type: "line",
        source: "city",
        "source-layer": "roads",
        minzoom: 12,
        layout: { "line-cap": "round", "line-join": "round" },
        paint: { "line-color": CASING, "line-width": width(1.6) },
      },
      {
        id: "streets",
        type: "line",
        source: "city",
        "source-layer": "roads",
        filter: ["==", ["get", "class"], "street"],
        minzoom: 12,
        layout: { "line-cap": "round", "line-join": "round" },
        paint: { "line-color": STREET, "line-width": width(1.2) },
      },
      {
        id: "avenues",
        type: "line",
        source: "city",
        "source-layer": "roads",
        filter: ["==", ["get", "class"], "avenue"],
        layout: { "line-cap": "round", "line-join": "round" },
        paint: { "line-color": AVENUE, "line-width": width(2) },
      },
    ],
  };
}
