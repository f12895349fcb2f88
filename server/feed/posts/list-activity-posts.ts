import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { hydrateTimeline } from "@/server/feed/hydrate/hydrate-posts";
import type { TimelinePage } from "@/server/feed/hydrate/post-view";

/** "<epoch ms>_<post id>" of the last row shown: likes and bookmarks page by when they were made, newest first. */
export const ActivityCursor = z.string().regex(/^\d{1,15}_[1-9]\d{0,18}$/, "Invalid cursor");

/**
 * Posts someone liked (their profile's likes tab, public) or bookmarked
 * (their bookmarks page, private: the router passes the caller only), the
 * most recent like or bookmark first, live posts only. One query for the
 * page on the (userId, ...) primary key, one to hydrate it.
 */
export async function listActivityPosts({
  db,
  viewerId,
  userId,
  source,
  cursor,
  limit,
}: {
  db: Db;
  viewerId: string | null;
  userId: string;
  source: "like" | "bookmark";
  cursor?: string | null;
  limit: number;
}): Promise<TimelinePage> {
  const [ms, id] = cursor ? cursor.split("_") : [];
  const before = ms && id ? { at: new Date(Number(ms)), postId: BigInt(id) } : null;
  const where = {
    userId,
    post: { deletedAt: null },
    ...(before ? { OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, postId: { lt: before.postId } }] } : {}),
  };
  const query = { where, select: { postId: true, createdAt: true }, orderBy: [{ createdAt: "desc" as const }, { postId: "desc" as const }], take: limit + 1 };
  const rows = source === "like" ? await db.postLike.findMany(query) : await db.postBookmark.findMany(query);
  const page = rows.slice(0, limit);
  const items = await hydrateTimeline(db, page.map((row) => row.postId), viewerId);
  const last = page.at(-1);
  return { items, nextCursor: rows.length > limit && last ? `${last.createdAt.getTime()}_${last.postId}` : null };
}
