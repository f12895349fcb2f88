import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { isBlockedEitherWay } from "@/server/feed/safety/block-state";

/**
 * A post that exists and is not deleted, that `actorId` may act on (reply,
 * quote, like, repost, bookmark): not when either of them blocked the other.
 * For a repost, the post it reposts (likes and replies go to the original).
 */
export async function getLivePostOrThrow(db: Db, postId: bigint, actorId: string) {
  const post = await db.post.findUnique({
    where: { id: postId },
    select: { id: true, authorId: true, rootId: true, deletedAt: true, repostOf: { select: { id: true, authorId: true, rootId: true, deletedAt: true } } },
  });
  const target = post?.repostOf ?? post;
  if (!target || target.deletedAt !== null) throw new AppError("NOT_FOUND", "This post does not exist or was deleted.");
  if (await isBlockedEitherWay(db, actorId, target.authorId)) throw new AppError("FORBIDDEN", "You cannot reply to or interact with this post: one of you blocked the other.");
  return { id: target.id, authorId: target.authorId, rootId: target.rootId };
}
