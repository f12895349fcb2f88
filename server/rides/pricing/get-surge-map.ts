import { cellToLatLng } from "h3-js";
import { z } from "zod";
import type { Redis } from "@/server/platform/redis";
import { distanceMeters } from "@/server/rides/demo-city/geo";
import { Latitude, Longitude } from "@/server/rides/geo/coordinates";
import { SURGE_MIN_HUNDREDTHS } from "./surge";
import { activeSurgeCells, surgeAt } from "./surge-window";

export const SurgeMapInput = z.object({ lat: Latitude, lng: Longitude });

/** How far from the viewer cells are shown: the demo city and its edges from anywhere in it. */
export const SURGE_MAP_RADIUS_METERS = 15_000;

export type SurgeMapCell = { cell: string; multiplier: number };

/**
 * The map's heat layer: every H3 cell near the viewer with demand in the
 * window and a multiplier above 1.0 now (its open requests against the drivers
 * available in it, as a fare there would be quoted).
 */
export async function getSurgeMap({ redis, input, now = Date.now() }: { redis: Redis; input: z.infer<typeof SurgeMapInput>; now?: number }): Promise<{ cells: SurgeMapCell[] }> {
  const near = (await activeSurgeCells(redis, now))
    .map((cell) => {
      const [lat, lng] = cellToLatLng(cell);
      return { lat, lng };
    })
    .filter((center) => distanceMeters(input, center) <= SURGE_MAP_RADIUS_METERS);
  const surges = await Promise.all(near.map((center) => surgeAt(redis, center, now)));
  return { cells: surges.filter((surge) => surge.hundredths > SURGE_MIN_HUNDREDTHS).map((surge) => ({ cell: surge.cell, multiplier: surge.hundredths / 100 })) };
}
