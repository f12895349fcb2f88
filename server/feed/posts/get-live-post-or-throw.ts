import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";

/** A post that exists and is not deleted; for a repost, the post it reposts (likes and replies go to the original). */
export async function getLivePostOrThrow(db: Db, postId: bigint) {
  const post = await db.post.findUnique({
    where: { id: postId },
    select: { id: true, authorId: true, rootId: true, deletedAt: true, repostOf: { select: { id: true, authorId: true, rootId: true, deletedAt: true } } },
  });
  const target = post?.repostOf ?? post;
  if (!target || target.deletedAt !== null) throw new AppError("NOT_FOUND", "This post does not exist or was deleted.");
  return { id: target.id, authorId: target.authorId, rootId: target.rootId };
}
