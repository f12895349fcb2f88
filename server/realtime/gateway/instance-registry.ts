import type { Redis } from "ioredis";
import type { RedisKeys } from "./redis-keys";

/**
 * Which gateway processes are alive, and what each one holds.
 *
 * An instance is alive while its `alive` key exists; the key carries a TTL
 * that the instance's heartbeat keeps pushing forward. Expiry is decided by
 * Redis's clock, so clock skew between machines cannot kill a healthy
 * gateway. A crashed gateway simply stops refreshing: its key expires, readers
 * ignore its entries at once, and the next sweep by any survivor removes them.
 */
export interface InstanceRegistry {
  readonly instanceId: string;
  register(): Promise<void>;
  /** Refreshes the TTL; returns true when the key had already expired, i.e. others may have swept us. */
  heartbeat(): Promise<boolean>;
  /** The subset of `instanceIds` that is alive right now. */
  aliveAmong(instanceIds: Iterable<string>): Promise<Set<string>>;
  /** Takes ownership of dead instances for cleanup; each dead instance is handed to exactly one sweeper. */
  claimDeadInstances(): Promise<string[]>;
  /** Returns a claimed instance to the list, when its sweep failed half-way. */
  releaseClaim(instanceId: string): Promise<void>;
  presenceChannelsOf(instanceId: string): Promise<string[]>;
  notePresenceChannel(channel: string): Promise<void>;
  /** Drops everything an instance registered (our own on shutdown, a dead one after its sweep). */
  forget(instanceId: string): Promise<void>;
  countSubscription(channel: string, delta: 1 | -1): Promise<void>;
  /** Rewrites this instance's channel counts from local state (after a lost heartbeat). */
  replaceChannelCounts(counts: Map<string, number>): Promise<void>;
  /** Subscriptions per channel, summed over every live instance. */
  occupancy(): Promise<Map<string, number>>;
  /** Subscriptions to one channel, summed over every live instance. */
  subscriptionCount(channel: string): Promise<number>;
}

export function createInstanceRegistry(input: {
  redis: Redis;
  keys: RedisKeys;
  instanceId: string;
  ttlMs: number;
}): InstanceRegistry {
  const { redis, keys, instanceId, ttlMs } = input;
  const aliveKey = keys.instanceAlive(instanceId);
  const channelsKey = keys.instanceChannels(instanceId);

  async function aliveAmong(instanceIds: Iterable<string>): Promise<Set<string>> {
    const ids = [...new Set(instanceIds)];
    if (ids.length === 0) return new Set();
    const pipeline = redis.pipeline();
    for (const id of ids) pipeline.exists(keys.instanceAlive(id));
    const replies = (await pipeline.exec()) ?? [];
    const alive = new Set<string>();
    ids.forEach((id, index) => {
      const [error, exists] = replies[index] ?? [null, 0];
      if (error) throw error;
      if (exists === 1) alive.add(id);
    });
    return alive;
  }

  async function liveInstanceIds(): Promise<string[]> {
    const alive = await aliveAmong(await redis.smembers(keys.instances));
    alive.add(instanceId);
    return [...alive];
  }

  return {
    instanceId,

    async register() {
      // The alive key is written before the instance is listed, so a sweeper
      // never sees a listed instance without a key and mistakes it for dead.
      await redis.multi().set(aliveKey, "1", "PX", ttlMs).sadd(keys.instances, instanceId).exec();
    },

    async heartbeat() {
      const previous = await redis.set(aliveKey, "1", "PX", ttlMs, "GET");
      if (previous !== null) return false;
      await redis.sadd(keys.instances, instanceId);
      return true;
    },

    aliveAmong,

    async claimDeadInstances() {
      const listed = (await redis.smembers(keys.instances)).filter((id) => id !== instanceId);
      const alive = await aliveAmong(listed);
      const claimed: string[] = [];
      for (const id of listed) {
        if (alive.has(id)) continue;
        // SREM answers 1 to exactly one caller, so two sweepers never both clean the same instance.
        if ((await redis.srem(keys.instances, id)) === 1) claimed.push(id);
      }
      return claimed;
    },

    async releaseClaim(id) {
      await redis.sadd(keys.instances, id);
    },

    presenceChannelsOf(id) {
      return redis.smembers(keys.instancePresenceChannels(id));
    },

    async notePresenceChannel(channel) {
      await redis.sadd(keys.instancePresenceChannels(instanceId), channel);
    },

    async forget(id) {
      await redis
        .multi()
        .srem(keys.instances, id)
        .del(keys.instanceAlive(id), keys.instanceChannels(id), keys.instancePresenceChannels(id))
        .exec();
    },

    async countSubscription(channel, delta) {
      const count = await redis.hincrby(channelsKey, channel, delta);
      // Only this instance writes its own hash and its commands run in order, so this cannot race.
      if (count <= 0) await redis.hdel(channelsKey, channel);
    },

    async replaceChannelCounts(counts) {
      const transaction = redis.multi().del(channelsKey);
      if (counts.size > 0) transaction.hset(channelsKey, Object.fromEntries(counts));
      await transaction.exec();
    },

    async occupancy() {
      const ids = await liveInstanceIds();
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(keys.instanceChannels(id));
      const replies = (await pipeline.exec()) ?? [];
      const totals = new Map<string, number>();
      for (const [error, counts] of replies) {
        if (error) throw error;
        if (typeof counts !== "object" || counts === null) continue;
        for (const [channel, value] of Object.entries(counts as Record<string, string>)) {
          const count = Number(value);
          if (count > 0) totals.set(channel, (totals.get(channel) ?? 0) + count);
        }
      }
      return totals;
    },

    async subscriptionCount(channel) {
      const ids = await liveInstanceIds();
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hget(keys.instanceChannels(id), channel);
      const replies = (await pipeline.exec()) ?? [];
      let total = 0;
      for (const [error, value] of replies) {
        if (error) throw error;
        const count = Number(value ?? 0);
        if (count > 0) total += count;
      }
      return total;
    },
  };
}
