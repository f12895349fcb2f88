import type { Redis } from "ioredis";
import type { PresenceMember } from "./protocol";
import type { RedisKeys } from "./redis-keys";

/**
 * Presence channel membership, shared by every gateway through Redis.
 *
 * Per channel there are two hashes: `members` has one field per subscribed
 * socket (`<instanceId>:<socketId>` → member JSON) and `users` counts sockets
 * per user. A user is "added" when their count goes 0 → 1 and "removed" when
 * it returns to 0, so a user with three tabs open is one member. Both hashes
 * change together inside Lua scripts, so two gateways joining the same user at
 * the same moment cannot both announce them.
 *
 * Entries of a crashed gateway stay until a survivor sweeps them
 * (`removeInstance`), but `members()` already skips entries whose gateway is
 * no longer alive, so new subscribers never see ghosts.
 */

const JOIN = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
local sockets = tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '0')
if sockets == 0 and redis.call('HLEN', KEYS[2]) >= tonumber(ARGV[4]) then return -1 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
if sockets == 0 then return 1 end
return 0
`;

const LEAVE = `
local stored = redis.call('HGET', KEYS[1], ARGV[1])
if not stored then return false end
redis.call('HDEL', KEYS[1], ARGV[1])
local userId = cjson.decode(stored)['user_id']
if redis.call('HINCRBY', KEYS[2], userId, -1) > 0 then return false end
redis.call('HDEL', KEYS[2], userId)
return userId
`;

const REMOVE_INSTANCE = `
local removed = {}
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  if string.sub(field, 1, #ARGV[1]) == ARGV[1] then
    local stored = redis.call('HGET', KEYS[1], field)
    redis.call('HDEL', KEYS[1], field)
    local userId = cjson.decode(stored)['user_id']
    if redis.call('HINCRBY', KEYS[2], userId, -1) <= 0 then
      redis.call('HDEL', KEYS[2], userId)
      table.insert(removed, userId)
    end
  end
end
return removed
`;

export type JoinOutcome = "first-connection" | "already-present" | "channel-full";

export interface PresenceSnapshot {
  ids: string[];
  hash: Record<string, unknown>;
  count: number;
}

export interface PresenceStore {
  join(channel: string, socketId: string, member: PresenceMember): Promise<JoinOutcome>;
  /** Returns the user id when this socket was the user's last one in the channel. */
  leave(channel: string, socketId: string): Promise<string | null>;
  /** Removes a dead instance's sockets; returns the users who are gone as a result. */
  removeInstance(channel: string, instanceId: string): Promise<string[]>;
  members(channel: string): Promise<PresenceSnapshot>;
}

export function createPresenceStore(input: {
  redis: Redis;
  keys: RedisKeys;
  instanceId: string;
  maxMembers: number;
  aliveAmong: (instanceIds: Iterable<string>) => Promise<Set<string>>;
}): PresenceStore {
  const { redis, keys, instanceId } = input;
  const fieldOf = (socketId: string) => `${instanceId}:${socketId}`;

  return {
    async join(channel, socketId, member) {
      const result = await redis.eval(
        JOIN,
        2,
        keys.presenceMembers(channel),
        keys.presenceUsers(channel),
        fieldOf(socketId),
        member.user_id,
        JSON.stringify(member),
        input.maxMembers,
      );
      if (result === 1) return "first-connection";
      if (result === -1) return "channel-full";
      return "already-present";
    },

    async leave(channel, socketId) {
      const result = await redis.eval(LEAVE, 2, keys.presenceMembers(channel), keys.presenceUsers(channel), fieldOf(socketId));
      return typeof result === "string" ? result : null;
    },

    async removeInstance(channel, deadInstanceId) {
      const result = await redis.eval(
        REMOVE_INSTANCE,
        2,
        keys.presenceMembers(channel),
        keys.presenceUsers(channel),
        `${deadInstanceId}:`,
      );
      return Array.isArray(result) ? result.filter((id): id is string => typeof id === "string") : [];
    },

    async members(channel) {
      const fields = await redis.hgetall(keys.presenceMembers(channel));
      const entries = Object.entries(fields).map(([field, stored]) => ({
        instance: field.slice(0, field.indexOf(":")),
        member: readStoredMember(stored),
      }));
      const alive = await input.aliveAmong(entries.map((entry) => entry.instance));
      // This process is alive by definition, even if its key lapsed during a stall and awaits the next heartbeat.
      alive.add(instanceId);
      // No prototype: a user id such as "__proto__" must stay an ordinary key.
      const hash: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const { instance, member } of entries) {
        if (!member || !alive.has(instance) || Object.hasOwn(hash, member.user_id)) continue;
        hash[member.user_id] = member.user_info ?? null;
      }
      const ids = Object.keys(hash);
      return { ids, hash, count: ids.length };
    },
  };
}

function readStoredMember(stored: string): PresenceMember | null {
  try {
    const parsed = JSON.parse(stored) as { user_id?: unknown; user_info?: unknown };
    return typeof parsed.user_id === "string" ? { user_id: parsed.user_id, user_info: parsed.user_info } : null;
  } catch {
    // Only this module writes these fields; a malformed one is skipped rather than failing every subscriber.
    return null;
  }
}
