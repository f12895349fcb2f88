import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { limitFeedAction } from "@/server/feed/feed-limits";
import { removeFromTimeline } from "@/server/feed/timeline/timeline-store";

/**
 * Removes the user's repost of a post (given the original or the repost);
 * idempotent. Followers' timelines drop the entry at hydration (its row is gone).
 */
export async function undoRepost({ db, redis, userId, postId }: { db: Db; redis: Redis; userId: string; postId: bigint }): Promise<{ reposted: boolean; repostCount: number }> {
  await limitFeedAction("feed-like", userId);
  const target = await db.post.findUnique({ where: { id: postId }, select: { id: true, repostOfId: true } });
  const originalId = target?.repostOfId ?? target?.id ?? postId;
  const removed = await db.$queryRaw<Array<{ id: bigint }>>`
    DELETE FROM "feed_post" WHERE "authorId" = ${userId} AND "repostOfId" = ${originalId} RETURNING "id"`;
  await removeFromTimeline(redis, "recent", userId, removed.map((row) => row.id));
  const original = await db.post.findUnique({ where: { id: originalId }, select: { repostCount: true } });
  return { reposted: false, repostCount: original?.repostCount ?? 0 };
}
