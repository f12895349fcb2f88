import type { Db } from "@/server/platform/db";
import { limitFeedAction } from "@/server/feed/feed-limits";
import { getLivePostOrThrow } from "@/server/feed/posts/get-live-post-or-throw";

/** Saves or unsaves a post for the user alone (bookmarks are private); idempotent. */
export async function setBookmark({ db, userId, postId, bookmarked }: { db: Db; userId: string; postId: bigint; bookmarked: boolean }): Promise<{ bookmarked: boolean }> {
  await limitFeedAction("feed-like", userId);
  const post = await getLivePostOrThrow(db, postId, userId);
  if (bookmarked) {
    await db.$executeRaw`INSERT INTO "feed_bookmark" ("userId", "postId") VALUES (${userId}, ${post.id}) ON CONFLICT DO NOTHING`;
  } else {
    await db.postBookmark.deleteMany({ where: { userId, postId: post.id } });
  }
  return { bookmarked };
}
