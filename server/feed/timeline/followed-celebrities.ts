import { env } from "@/server/env";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { listFollowedCelebrities } from "./timeline-entries";

/**
 * The celebrities a reader follows (merged into their home timeline at read
 * time), cached in Redis so that a warm home read asks Postgres nothing about
 * the follow graph. A cached list is stamped with what it depends on and is
 * used only while all of it still holds:
 *   - the threshold (FEED_CELEBRITY_FOLLOWERS may change between deploys);
 *   - the celebrity generation, raised when an author above the threshold
 *     posts for the first time as one (publishEntry), before the post's
 *     answer, so nobody misses a new celebrity's posts, which are no longer
 *     fanned out. Counting at post time rather than at the follow that crossed
 *     the line means concurrent follows cannot hide the crossing. Falling below
 *     needs nothing: the posts are then fanned out too, and the merge drops the
 *     duplicates;
 *   - the reader's own follow version, raised when they follow or unfollow
 *     anyone (or a block ends a follow).
 * A version raised while a list is being read from Postgres leaves that list
 * stamped with the old one, so it is read again next time: no stale list can
 * outlive the change that made it stale. Keys are hash-tagged by reader, like
 * the timelines (Redis Cluster); the global generation is read with them in
 * one pipeline. Nothing here is the only copy: Postgres holds the follows.
 */
const GENERATION_KEY = "feed:celebrity-generation";
/** The authors seen posting above the threshold. */
const CELEBRITIES_KEY = "feed:celebrities";
const listKey = (userId: string) => `feed:celebs:{${userId}}`;
const versionKey = (userId: string) => `feed:follow-version:{${userId}}`;
const ttlSeconds = () => Math.round(env.FEED_TIMELINE_TTL_DAYS * 86_400);

export async function listFollowedCelebritiesCached({ db, redis, userId }: { db: Db; redis: Redis; userId: string }): Promise<string[]> {
  const read = (await redis.pipeline().get(listKey(userId)).get(GENERATION_KEY).get(versionKey(userId)).exec()) ?? [];
  for (const [error] of read) if (error) throw error;
  const [cached, generation, version] = read.map(([, value]) => (typeof value === "string" ? value : null));
  const stamp = `${env.FEED_CELEBRITY_FOLLOWERS}:${generation ?? "0"}:${version ?? "0"}|`;
  if (cached?.startsWith(stamp)) {
    const ids = cached.slice(stamp.length);
    return ids === "" ? [] : ids.split(",");
  }
  const ids = await listFollowedCelebrities(db, userId);
  await redis.set(listKey(userId), `${stamp}${ids.join(",")}`, "EX", ttlSeconds());
  return ids;
}

/** After `userId` followed or stopped following someone: their cached list is read again. */
export async function noteFollowChange(redis: Redis, userId: string): Promise<void> {
  await redis.incr(versionKey(userId));
}

/**
 * Records whether an author who just posted is above the threshold; the first post as a celebrity raises the
 * generation (every cached list is read again), and one below it takes them off the set, so rising again counts.
 */
export async function noteAuthorStatus(redis: Redis, authorId: string, celebrity: boolean): Promise<void> {
  if (!celebrity) {
    await redis.srem(CELEBRITIES_KEY, authorId);
    return;
  }
  if ((await redis.sadd(CELEBRITIES_KEY, authorId)) === 1) await redis.incr(GENERATION_KEY);
}

/** Keys of one reader's, for the account's erasure. */
export function followedCelebritiesKeys(userId: string): string[] {
  return [listKey(userId), versionKey(userId)];
}
