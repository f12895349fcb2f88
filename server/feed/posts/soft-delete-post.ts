import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import type { ObjectStore } from "@/server/platform/storage";
import { removeFromTimeline } from "@/server/feed/timeline/timeline-store";

/**
 * Soft-deletes a live post (text cleared, `deletedAt` set) so its thread
 * keeps its shape; the count triggers take it off its parent's and author's
 * counts, and its tags go (tag pages and trending forget it). It leaves the
 * author's recent set at once; followers' timelines drop it at hydration, so
 * a delete costs the same for 10 or 10 million followers. Its pictures are
 * removed, files and all. With `authorId`, only that author's post is
 * touched. Answers whether a post was deleted.
 */
export async function softDeletePost({
  db,
  redis,
  storage,
  postId,
  authorId = null,
}: {
  db: Db;
  redis: Redis;
  storage: Pick<ObjectStore, "deleteObject">;
  postId: bigint;
  authorId?: string | null;
}): Promise<boolean> {
  const deleted = await db.$transaction([
    db.$queryRaw<Array<{ authorId: string }>>`
      UPDATE "feed_post" SET "deletedAt" = now(), "text" = ''
       WHERE "id" = ${postId} AND "deletedAt" IS NULL AND "repostOfId" IS NULL AND (${authorId}::text IS NULL OR "authorId" = ${authorId}::text)
       RETURNING "authorId"`,
    db.$executeRaw`DELETE FROM "feed_post_tag" WHERE "postId" = ${postId} AND (${authorId}::text IS NULL OR "authorId" = ${authorId}::text)`,
    db.$queryRaw<Array<{ key: string }>>`
      DELETE FROM "feed_post_image" i USING "feed_post" p
       WHERE i."postId" = p."id" AND p."id" = ${postId} AND (${authorId}::text IS NULL OR p."authorId" = ${authorId}::text)
       RETURNING i."key"`,
  ]);
  const author = deleted[0][0]?.authorId;
  // Files after the commit: a failed transaction leaves every picture in place.
  await Promise.all(deleted[2].map(({ key }) => storage.deleteObject(key)));
  if (!author) return false;
  await removeFromTimeline(redis, "recent", author, [postId]);
  return true;
}
