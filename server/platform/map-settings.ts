import { env } from "@/server/env";

/**
 * Which basemap the Rides map draws, decided on the server at request time
 * (like the realtime client config) so setting a token needs no rebuild:
 * Mapbox's streets through mapbox-gl when a token is set, else the offline
 * basemap shipped in public/ through maplibre-gl, with no outside request.
 * The token is a public one (pk.…): it is meant for the browser.
 */
export type MapSettings = { provider: "maplibre"; styleUrl: string; workerUrl: string } | { provider: "mapbox"; styleUrl: string; token: string };

/** Both built by `npm run rides:basemap` (scripts/rides/build-basemap.ts). */
export const OFFLINE_STYLE_URL = "/rides/basemap/style.json";
export const MAPLIBRE_WORKER_URL = "/rides/maplibre-gl-worker.js";

/** The hosts mapbox-gl talks to: its API (styles, tiles, glyphs, sprites) and its telemetry. */
export const MAPBOX_CONNECT_SOURCES = ["https://api.mapbox.com", "https://*.tiles.mapbox.com", "https://events.mapbox.com"];

export function mapSettings(): MapSettings {
  const token = env.NEXT_PUBLIC_MAPBOX_TOKEN;
  if (token) return { provider: "mapbox", styleUrl: env.MAPBOX_STYLE_URL, token };
  return { provider: "maplibre", styleUrl: OFFLINE_STYLE_URL, workerUrl: MAPLIBRE_WORKER_URL };
}
