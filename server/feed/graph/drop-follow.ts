import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { listAuthorEntries } from "@/server/feed/timeline/timeline-entries";
import { noteFollowChange } from "@/server/feed/timeline/followed-celebrities";
import { removeFromTimeline } from "@/server/feed/timeline/timeline-store";

/**
 * Ends a follow if there is one and takes the followee's entries out of the
 * follower's home timeline: every entry of theirs still in it is among their
 * newest FEED_TIMELINE_SIZE, which is what listAuthorEntries returns.
 * Unfollow and block both end follows this way.
 */
export async function dropFollow({ db, redis, followerId, followeeId }: { db: Db; redis: Redis; followerId: string; followeeId: string }): Promise<void> {
  const { count } = await db.follow.deleteMany({ where: { followerId, followeeId } });
  if (count === 0) return;
  await noteFollowChange(redis, followerId);
  await removeFromTimeline(redis, "home", followerId, await listAuthorEntries(db, followeeId));
}
