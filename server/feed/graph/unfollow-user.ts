import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { limitFeedAction } from "@/server/feed/feed-limits";
import { dropFollow } from "./drop-follow";

/** Stops following someone (a repeat is a no-op) and takes their entries out of the home timeline. */
export async function unfollowUser({ db, redis, userId, followeeId }: { db: Db; redis: Redis; userId: string; followeeId: string }): Promise<{ following: false }> {
  await limitFeedAction("feed-follow", userId);
  await dropFollow({ db, redis, followerId: userId, followeeId });
  return { following: false };
}
