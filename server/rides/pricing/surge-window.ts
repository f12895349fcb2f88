import { getHexagonEdgeLengthAvg, UNITS } from "h3-js";
import { env } from "@/server/env";
import type { Redis } from "@/server/platform/redis";
import { countAvailable } from "@/server/rides/drivers/driver-index";
import type { LatLng } from "@/server/rides/demo-city/geo";
import { SURGE_RESOLUTION, surgeCellOf, surgeHundredths } from "./surge";

/**
 * Demand per H3 cell over a sliding window: one sorted set per cell (member
 * the trip, score the request time) trimmed to RIDES_SURGE_WINDOW_SECONDS on
 * each read, plus the set of cells with recent demand for the map's heat layer.
 */
const cellKey = (cell: string) => `rides:surge:${cell}`;
const ACTIVE_CELLS = "rides:surge:cells";
/** A cell's drivers are counted within its circumscribed circle (radius = edge length for a hexagon). */
const CELL_RADIUS_METERS = Math.ceil(getHexagonEdgeLengthAvg(SURGE_RESOLUTION, UNITS.m));
/** Past this many drivers in a cell, more cannot lower the multiplier below 1.0 for any realistic demand. */
const SUPPLY_COUNT_CAP = 500;

const windowMs = () => env.RIDES_SURGE_WINDOW_SECONDS * 1000;

export async function recordRequest(redis: Redis, pickup: LatLng, tripId: string, now = Date.now()): Promise<void> {
  const cell = surgeCellOf(pickup.lat, pickup.lng);
  const ttlSeconds = env.RIDES_SURGE_WINDOW_SECONDS * 2;
  await redis.multi().zadd(cellKey(cell), now, tripId).expire(cellKey(cell), ttlSeconds).zadd(ACTIVE_CELLS, now, cell).exec();
}

/** The request no longer counts as open demand (matched, cancelled). */
export async function forgetRequest(redis: Redis, pickup: LatLng, tripId: string): Promise<void> {
  await redis.zrem(cellKey(surgeCellOf(pickup.lat, pickup.lng)), tripId);
}

async function openRequests(redis: Redis, cell: string, now: number): Promise<number> {
  const [, count] = (await redis.multi().zremrangebyscore(cellKey(cell), "-inf", now - windowMs()).zcard(cellKey(cell)).exec()) ?? [];
  return Number(count?.[1] ?? 0);
}

export type Surge = { cell: string; hundredths: number; openRequests: number; availableDrivers: number };

/** The surge multiplier at a pickup: its cell's open requests against the drivers available there. */
export async function surgeAt(redis: Redis, pickup: LatLng, now = Date.now()): Promise<Surge> {
  const cell = surgeCellOf(pickup.lat, pickup.lng);
  const [requests, drivers] = await Promise.all([openRequests(redis, cell, now), countAvailable(redis, pickup, CELL_RADIUS_METERS, SUPPLY_COUNT_CAP)]);
  return { cell, hundredths: surgeHundredths(requests, drivers), openRequests: requests, availableDrivers: drivers };
}

/** Cells with demand in the window, for the heat layer (at most `limit`, the most recent first). */
export async function activeSurgeCells(redis: Redis, now = Date.now(), limit = 200): Promise<string[]> {
  await redis.zremrangebyscore(ACTIVE_CELLS, "-inf", now - windowMs());
  return redis.zrevrange(ACTIVE_CELLS, 0, limit - 1);
}
