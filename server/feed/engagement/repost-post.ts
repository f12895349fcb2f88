import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { notifyFeed, type FeedActor } from "@/server/feed/feed-actor";
import { limitFeedAction } from "@/server/feed/feed-limits";
import { getLivePostOrThrow } from "@/server/feed/posts/get-live-post-or-throw";
import { publishEntry } from "@/server/feed/timeline/publish-entry";

/**
 * Reposts a post (the original, when given a repost) once: the unique
 * (authorId, repostOfId) index makes a second call, or two at once, a no-op
 * that answers the same state. A new repost is a timeline entry of its own.
 */
export async function repostPost({ db, redis, actor, postId }: { db: Db; redis: Redis; actor: FeedActor; postId: bigint }): Promise<{ reposted: boolean; repostCount: number }> {
  await limitFeedAction("feed-like", actor.id);
  const original = await getLivePostOrThrow(db, postId, actor.id);
  const inserted = await db.$queryRaw<Array<{ id: bigint }>>`
    INSERT INTO "feed_post" ("authorId", "repostOfId") VALUES (${actor.id}, ${original.id})
    ON CONFLICT ("authorId", "repostOfId") DO NOTHING RETURNING "id"`;
  const repost = inserted[0];
  if (repost) {
    await publishEntry({ db, redis, authorId: actor.id, postId: repost.id });
    await notifyFeed(db, original.authorId, "feed.repost", actor, { postId: original.id.toString() });
  }
  const { repostCount } = await db.post.findUniqueOrThrow({ where: { id: original.id }, select: { repostCount: true } });
  return { reposted: true, repostCount };
}
