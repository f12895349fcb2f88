import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { limitFeedAction } from "@/server/feed/feed-limits";
import { listAuthorEntries } from "@/server/feed/timeline/timeline-entries";
import { removeFromTimeline } from "@/server/feed/timeline/timeline-store";

/**
 * Stops following someone (a repeat is a no-op) and takes their entries out
 * of the home timeline: every entry of theirs still in it is among their
 * newest FEED_TIMELINE_SIZE, which is what listAuthorEntries returns.
 */
export async function unfollowUser({ db, redis, userId, followeeId }: { db: Db; redis: Redis; userId: string; followeeId: string }): Promise<{ following: false }> {
  await limitFeedAction("feed-follow", userId);
  const { count } = await db.follow.deleteMany({ where: { followerId: userId, followeeId } });
  if (count > 0) await removeFromTimeline(redis, "home", userId, await listAuthorEntries(db, followeeId));
  return { following: false };
}
