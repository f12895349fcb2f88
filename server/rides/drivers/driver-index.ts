import type { Redis } from "@/server/platform/redis";
import type { LatLng } from "@/server/rides/demo-city/geo";

/**
 * Where online drivers are, in Redis. Two GEO indexes: `available` (free for
 * an offer, what matching searches) and `busy` (holding an offer or a trip),
 * so a search never walks past drivers it may not use; `seen` (last update
 * time per driver) lets the sweep drop drivers gone silent; one hash per
 * driver holds their state, their trip and last fix. Every key shares the
 * hash tag {rides}, so the scripts stay valid on a Redis Cluster (one slot;
 * per-city tags would be the next step).
 *
 * Only Redis: a restart loses it and drivers reappear with their next update
 * (every 2 s); which driver holds which trip is decided in Postgres.
 */
export type DriverState = "available" | "offered" | "on_trip";

const AVAILABLE = "rides:{drivers}:available";
const BUSY = "rides:{drivers}:busy";
const SEEN = "rides:{drivers}:seen";
const DRIVER_PREFIX = "rides:{drivers}:d:";
export const DRIVER_INDEX_KEYS = { available: AVAILABLE, busy: BUSY, seen: SEEN } as const;

const driverKey = (driverId: string) => `${DRIVER_PREFIX}${driverId}`;

/** Records a fix for an online driver and files them in the index of their state; nil when they are offline. */
const RECORD_FIX = `
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return false end
redis.call('HSET', KEYS[1], 'lat', ARGV[2], 'lng', ARGV[3], 'at', ARGV[4], 'flagged', ARGV[5])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
if state == 'available' then
  redis.call('GEOADD', KEYS[2], ARGV[3], ARGV[2], ARGV[1])
  redis.call('ZREM', KEYS[3], ARGV[1])
else
  redis.call('GEOADD', KEYS[3], ARGV[3], ARGV[2], ARGV[1])
  redis.call('ZREM', KEYS[2], ARGV[1])
end
return {state, redis.call('HGET', KEYS[1], 'trip') or ''}
`;

/**
 * Moves a driver from one state to another only if they are in the expected
 * one (and, when given, hold the expected trip), carrying their position to
 * the other index: the atomic step that keeps two matching jobs from offering
 * one driver two trips.
 */
const MOVE_STATE = `
local current = redis.call('HMGET', KEYS[1], 'state', 'trip')
if current[1] ~= ARGV[2] then return 0 end
if ARGV[3] ~= '' and current[2] ~= ARGV[3] then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[4], 'trip', ARGV[5])
local from, to = KEYS[2], KEYS[3]
if ARGV[4] == 'available' then from, to = KEYS[3], KEYS[2] end
local position = redis.call('GEOPOS', from, ARGV[1])[1]
if position then
  redis.call('ZREM', from, ARGV[1])
  redis.call('GEOADD', to, position[1], position[2], ARGV[1])
end
return 1
`;

/** Drops drivers silent since ARGV[1]: out of the available index, and offline unless they hold an offer or a trip. */
const EVICT_SILENT = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
for _, id in ipairs(ids) do
  redis.call('ZREM', KEYS[3], id)
  redis.call('ZREM', KEYS[1], id)
  local key = ARGV[3] .. id
  if redis.call('HGET', key, 'state') == 'available' then redis.call('DEL', key) end
end
return ids
`;

type IndexRedis = Redis & {
  ridesRecordFix(driver: string, available: string, busy: string, seen: string, id: string, lat: number, lng: number, at: number, flagged: number): Promise<[DriverState, string] | null>;
  ridesMoveState(driver: string, available: string, busy: string, id: string, from: DriverState, trip: string, to: DriverState, newTrip: string): Promise<number>;
  ridesEvictSilent(available: string, busy: string, seen: string, cutoff: number, limit: number, prefix: string): Promise<string[]>;
};

/** Registers the scripts once per client (EVALSHA, falling back to EVAL after a Redis restart). */
function scripts(redis: Redis): IndexRedis {
  const client = redis as IndexRedis;
  if (typeof client.ridesRecordFix !== "function") {
    redis.defineCommand("ridesRecordFix", { numberOfKeys: 4, lua: RECORD_FIX });
    redis.defineCommand("ridesMoveState", { numberOfKeys: 3, lua: MOVE_STATE });
    redis.defineCommand("ridesEvictSilent", { numberOfKeys: 3, lua: EVICT_SILENT });
  }
  return client;
}

export type DriverFix = LatLng & { at: number; flagged: boolean };
export type DriverRecord = { state: DriverState; tripId: string | null; fix: DriverFix | null };

export async function readDriver(redis: Redis, driverId: string): Promise<DriverRecord | null> {
  const [state, trip, lat, lng, at, flagged] = await redis.hmget(driverKey(driverId), "state", "trip", "lat", "lng", "at", "flagged");
  if (!state) return null;
  const fix = lat && lng && at ? { lat: Number(lat), lng: Number(lng), at: Number(at), flagged: flagged === "1" } : null;
  return { state: state as DriverState, tripId: trip || null, fix };
}

/** Puts an online driver in the index (their first fix files them). Already online: unchanged. */
export async function markOnline(redis: Redis, driverId: string, holding: { state: "on_trip"; tripId: string } | null): Promise<void> {
  if (holding) await redis.hset(driverKey(driverId), "state", holding.state, "trip", holding.tripId);
  else await redis.hsetnx(driverKey(driverId), "state", "available");
}

export async function markOffline(redis: Redis, driverId: string): Promise<void> {
  await redis.multi().del(driverKey(driverId)).zrem(AVAILABLE, driverId).zrem(BUSY, driverId).zrem(SEEN, driverId).exec();
}

/** Files a fix; null when the driver is not online. */
export async function recordFix(redis: Redis, driverId: string, fix: DriverFix): Promise<{ state: DriverState; tripId: string | null } | null> {
  const reply = await scripts(redis).ridesRecordFix(driverKey(driverId), AVAILABLE, BUSY, SEEN, driverId, fix.lat, fix.lng, fix.at, fix.flagged ? 1 : 0);
  return reply ? { state: reply[0], tripId: reply[1] || null } : null;
}

/** True when the driver was in state `from` (holding `tripId` when given) and now is in `to`, holding `newTripId`. */
export async function moveDriver(redis: Redis, driverId: string, change: { from: DriverState; tripId?: string; to: DriverState; newTripId?: string }): Promise<boolean> {
  const moved = await scripts(redis).ridesMoveState(driverKey(driverId), AVAILABLE, BUSY, driverId, change.from, change.tripId ?? "", change.to, change.newTripId ?? "");
  return moved === 1;
}

export type NearbyDriver = { driverId: string; distanceMeters: number };

/** The `count` nearest available drivers within `radiusMeters`, nearest first. */
export async function searchAvailable(redis: Redis, center: LatLng, radiusMeters: number, count: number): Promise<NearbyDriver[]> {
  const reply = (await redis.geosearch(AVAILABLE, "FROMLONLAT", center.lng, center.lat, "BYRADIUS", radiusMeters, "m", "ASC", "COUNT", count, "WITHDIST")) as Array<[string, string]>;
  return reply.map(([driverId, distance]) => ({ driverId, distanceMeters: Number(distance) }));
}

/** Available drivers within `radiusMeters` (at most `cap` counted): surge's supply side. */
export async function countAvailable(redis: Redis, center: LatLng, radiusMeters: number, cap: number): Promise<number> {
  return (await redis.geosearch(AVAILABLE, "FROMLONLAT", center.lng, center.lat, "BYRADIUS", radiusMeters, "m", "COUNT", cap)).length;
}

/** Drops drivers with no update since `cutoff` (ms); answers their ids. */
export async function evictSilentDrivers(redis: Redis, cutoff: number, limit = 1_000): Promise<string[]> {
  return scripts(redis).ridesEvictSilent(AVAILABLE, BUSY, SEEN, cutoff, limit, DRIVER_PREFIX);
}

/** The positions of drivers by id (busy or available), for the map. */
export async function positionsOf(redis: Redis, driverIds: readonly string[]): Promise<Map<string, LatLng>> {
  const positions = new Map<string, LatLng>();
  if (driverIds.length === 0) return positions;
  const pipeline = redis.pipeline();
  for (const id of driverIds) pipeline.hmget(driverKey(id), "lat", "lng");
  const replies = (await pipeline.exec()) ?? [];
  replies.forEach(([, value], index) => {
    const [lat, lng] = (value as [string | null, string | null] | null) ?? [null, null];
    if (lat && lng) positions.set(driverIds[index] as string, { lat: Number(lat), lng: Number(lng) });
  });
  return positions;
}
