import { env } from "@/server/env";
import type { Redis } from "@/server/platform/redis";

/**
 * The Redis side of timelines: sorted sets whose members are post ids and
 * whose scores are the same ids (monotonic, so score order is posting order
 * and a cursor is just the last id seen). Two kinds, one layout:
 * - home:   `feed:home:{userId}`   posts fanned out to the user (server/feed/timeline/fan-out-post.ts)
 * - recent: `feed:recent:{userId}` the author's own recent posts, merged at read time for authors
 *           above the celebrity threshold and for the reader's own posts
 *
 * Each set holds a sentinel member "~" at the lowest rank: score 0 once the
 * set is complete, -1 while it is being built. A set without the sentinel
 * does not exist as far as readers are concerned (never built, or expired)
 * and is rebuilt from Postgres. Writers only add to sets that exist, so an
 * expired timeline of an inactive user costs the fan-out nothing until they
 * come back. Each set keeps its newest `env.FEED_TIMELINE_SIZE` posts.
 *
 * Keys are hash-tagged by user, so each stays whole on one Redis Cluster node.
 * Nothing here is the only copy of anything: Postgres holds every post and follow.
 */
export type TimelineKind = "home" | "recent";

const SENTINEL = "~";
const BUILDING = -1;
const READY = 0;

export function timelineKey(kind: TimelineKind, userId: string): string {
  return `feed:${kind}:{${userId}}`;
}

const ttlSeconds = () => Math.round(env.FEED_TIMELINE_TTL_DAYS * 86_400);

/**
 * ARGV: size, then score/member pairs. Adds only to a set that exists, and keeps the sentinel (rank 0) and
 * the newest `size` posts. It leaves the TTL alone: only reading keeps a timeline alive.
 */
const ADD_IF_PRESENT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
for i = 2, #ARGV, 2 do redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('ZREMRANGEBYRANK', KEYS[1], 1, -(tonumber(ARGV[1]) + 1))
return 1
`;

/** ARGV: size, ttl, then score/member pairs. Completes a build: adds, marks ready, trims, refreshes the TTL. */
const FINISH_BUILD = `
for i = 3, #ARGV, 2 do redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('ZADD', KEYS[1], ${READY}, '${SENTINEL}')
redis.call('ZREMRANGEBYRANK', KEYS[1], 1, -(tonumber(ARGV[1]) + 1))
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
`;

type TimelineRedis = Redis & {
  feedAddIfPresent(key: string, size: number, ...pairs: string[]): Promise<number>;
  feedFinishBuild(key: string, size: number, ttl: number, ...pairs: string[]): Promise<number>;
};
type TimelinePipeline = ReturnType<Redis["pipeline"]> & {
  feedAddIfPresent(key: string, size: number, ...pairs: string[]): TimelinePipeline;
};

/** Registers the scripts once per client (EVALSHA, falling back to EVAL after a Redis restart). */
function scripts(redis: Redis): TimelineRedis {
  const client = redis as TimelineRedis;
  if (typeof client.feedAddIfPresent !== "function") {
    redis.defineCommand("feedAddIfPresent", { numberOfKeys: 1, lua: ADD_IF_PRESENT });
    redis.defineCommand("feedFinishBuild", { numberOfKeys: 1, lua: FINISH_BUILD });
  }
  return client;
}

function pairs(postIds: readonly bigint[]): string[] {
  return postIds.flatMap((id) => [id.toString(), id.toString()]);
}

/** Adds posts to one set if it exists; true when it did. */
export async function addToTimeline(redis: Redis, kind: TimelineKind, userId: string, postIds: readonly bigint[]): Promise<boolean> {
  if (postIds.length === 0) return false;
  return (await scripts(redis).feedAddIfPresent(timelineKey(kind, userId), env.FEED_TIMELINE_SIZE, ...pairs(postIds))) === 1;
}

/** Adds one post to many users' home timelines in one round trip; answers the users whose timeline took it. */
export async function addToHomeTimelines(redis: Redis, userIds: readonly string[], postId: bigint): Promise<string[]> {
  if (userIds.length === 0) return [];
  scripts(redis);
  const pipeline = redis.pipeline() as TimelinePipeline;
  const entry = pairs([postId]);
  for (const userId of userIds) pipeline.feedAddIfPresent(timelineKey("home", userId), env.FEED_TIMELINE_SIZE, ...entry);
  const results = (await pipeline.exec()) ?? [];
  return userIds.filter((_, index) => {
    const [error, added] = results[index] ?? [null, 0];
    if (error) throw error;
    return added === 1;
  });
}

/** Removes posts from one set (unfollow, delete). */
export async function removeFromTimeline(redis: Redis, kind: TimelineKind, userId: string, postIds: readonly bigint[]): Promise<void> {
  if (postIds.length === 0) return;
  await redis.zrem(timelineKey(kind, userId), ...postIds.map(String));
}

/** Marks a set as being built, keeping whatever writers add meanwhile; a set already there is left as it is. */
export async function startBuild(redis: Redis, kind: TimelineKind, userId: string): Promise<void> {
  const key = timelineKey(kind, userId);
  await redis.multi().zadd(key, "NX", BUILDING, SENTINEL).expire(key, ttlSeconds()).exec();
}

export async function finishBuild(redis: Redis, kind: TimelineKind, userId: string, postIds: readonly bigint[]): Promise<void> {
  await scripts(redis).feedFinishBuild(timelineKey(kind, userId), env.FEED_TIMELINE_SIZE, ttlSeconds(), ...pairs(postIds));
}

export type TimelineSlice = { ready: boolean; postIds: bigint[] };

/**
 * Reads up to `count` post ids older than `before` (newest first) from several sets in one round trip, and
 * whether each set is ready; reading a set refreshes its TTL, so the timelines of active readers stay.
 */
export async function readTimelines(
  redis: Redis,
  sets: ReadonlyArray<{ kind: TimelineKind; userId: string }>,
  { before, count }: { before: bigint | null; count: number },
): Promise<TimelineSlice[]> {
  const pipeline = redis.pipeline();
  const max = before === null ? "+inf" : `(${before.toString()}`;
  for (const { kind, userId } of sets) {
    const key = timelineKey(kind, userId);
    pipeline.zscore(key, SENTINEL);
    // Scores above 0 only: the sentinel never comes back as a post.
    pipeline.zrevrangebyscore(key, max, "(0", "LIMIT", 0, count);
    pipeline.expire(key, ttlSeconds());
  }
  const results = (await pipeline.exec()) ?? [];
  return sets.map((_, index) => {
    const [scoreError, score] = results[index * 3] ?? [null, null];
    const [rangeError, members] = results[index * 3 + 1] ?? [null, []];
    if (scoreError) throw scoreError;
    if (rangeError) throw rangeError;
    return { ready: score !== null && Number(score) === READY, postIds: (members as string[]).map((member) => BigInt(member)) };
  });
}

/** Drops a set, e.g. in tests that want a cold timeline. */
export async function dropTimeline(redis: Redis, kind: TimelineKind, userId: string): Promise<void> {
  await redis.del(timelineKey(kind, userId));
}
