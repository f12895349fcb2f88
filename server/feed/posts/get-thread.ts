import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { hydratePosts } from "@/server/feed/hydrate/hydrate-posts";
import type { PostView } from "@/server/feed/hydrate/post-view";

const MAX_ANCESTORS = 20;
const MAX_REPLIES = 100;

export type ThreadView = { ancestors: PostView[]; post: PostView; replies: PostView[] };

/**
 * A post page: the chain of posts it answers (oldest first, up to 20), the
 * post, and its direct replies (oldest first). Deleted posts stay as
 * placeholders so the conversation keeps its shape; a deleted post with no
 * thread around it, or a repost, is not found. Posts by people the viewer
 * blocked, muted or was blocked by are left out. Two queries for the ids, one to hydrate them all.
 */
export async function getThread({ db, viewerId, postId }: { db: Db; viewerId: string | null; postId: bigint }): Promise<ThreadView> {
  const [ancestorRows, replyRows] = await Promise.all([
    db.$queryRaw<Array<{ id: bigint }>>`
      WITH RECURSIVE chain AS (
        SELECT "id", "replyToId", 0 AS depth FROM "feed_post" WHERE "id" = ${postId}
        UNION ALL
        SELECT p."id", p."replyToId", c.depth + 1 FROM "feed_post" p JOIN chain c ON p."id" = c."replyToId" WHERE c.depth < ${MAX_ANCESTORS}
      )
      SELECT "id" FROM chain WHERE depth > 0 ORDER BY depth DESC`,
    db.post.findMany({ where: { replyToId: postId }, select: { id: true }, orderBy: { id: "asc" }, take: MAX_REPLIES }),
  ]);
  const ids = [...ancestorRows.map((row) => row.id), postId, ...replyRows.map((row) => row.id)];
  const hydrated = await hydratePosts(db, ids, viewerId);
  const main = hydrated.find(({ view }) => view.id === postId.toString());
  // Someone who blocked the viewer, or whom the viewer blocked, is not shown; a muted author is, when their post is opened on purpose.
  if (!main || main.blocked || (main.view.deleted && ancestorRows.length === 0 && replyRows.length === 0)) throw new AppError("NOT_FOUND", "This post does not exist or was deleted.");
  const post = main.view;
  const views = hydrated.filter((entry) => entry === main || (!entry.blocked && !entry.muted)).map(({ view }) => view);
  const ancestorIds = new Set(ancestorRows.map((row) => row.id.toString()));
  return {
    ancestors: views.filter((view) => ancestorIds.has(view.id)),
    post,
    replies: views.filter((view) => view.replyTo?.id === post.id),
  };
}
