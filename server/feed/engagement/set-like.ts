import type { Db } from "@/server/platform/db";
import { notifyFeed, type FeedActor } from "@/server/feed/feed-actor";
import { limitFeedAction } from "@/server/feed/feed-limits";
import { getLivePostOrThrow } from "@/server/feed/posts/get-live-post-or-throw";

/**
 * Likes or unlikes a post (the original, when given a repost). The row is
 * unique per (user, post) and the count moves only in the trigger of an
 * actual insert or delete, so repeated or concurrent calls settle on one
 * like and an exact count. Answers the state and count after the change.
 */
export async function setLike({ db, actor, postId, liked }: { db: Db; actor: FeedActor; postId: bigint; liked: boolean }): Promise<{ liked: boolean; likeCount: number }> {
  await limitFeedAction("feed-like", actor.id);
  const post = await getLivePostOrThrow(db, postId, actor.id);
  if (liked) {
    const inserted = await db.$executeRaw`
      INSERT INTO "feed_like" ("userId", "postId") VALUES (${actor.id}, ${post.id}) ON CONFLICT DO NOTHING`;
    if (inserted > 0) await notifyFeed(db, post.authorId, "feed.like", actor, { postId: post.id.toString() });
  } else {
    await db.postLike.deleteMany({ where: { userId: actor.id, postId: post.id } });
  }
  const { likeCount } = await db.post.findUniqueOrThrow({ where: { id: post.id }, select: { likeCount: true } });
  return { liked, likeCount };
}
