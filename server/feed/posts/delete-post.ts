import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { removeFromTimeline } from "@/server/feed/timeline/timeline-store";

/**
 * Deletes the author's own post: soft (text cleared, `deletedAt` set) so its
 * thread keeps its shape; the count triggers take it off its parent's and
 * author's counts. It leaves the author's recent set at once; followers'
 * timelines drop it at hydration, so a delete costs the same for 10 or
 * 10 million followers. A repost is removed outright (undo-repost.ts).
 */
export async function deletePost({ db, redis, userId, postId }: { db: Db; redis: Redis; userId: string; postId: bigint }): Promise<void> {
  const { count } = await db.post.updateMany({
    where: { id: postId, authorId: userId, deletedAt: null, repostOfId: null },
    data: { deletedAt: new Date(), text: "" },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "This post does not exist, was already deleted, or is not yours.");
  await removeFromTimeline(redis, "recent", userId, [postId]);
}
