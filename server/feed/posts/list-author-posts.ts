import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { hydrateTimeline } from "@/server/feed/hydrate/hydrate-posts";
import type { TimelinePage } from "@/server/feed/hydrate/post-view";
import { PostId } from "./post-id";

export const AuthorPostsInput = z.object({
  userId: z.string().min(1).max(64),
  tab: z.enum(["posts", "replies", "media"]).default("posts"),
  cursor: PostId.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});

/**
 * A profile's tabs from Postgres, newest first by id (the index on
 * (authorId, id DESC)): "posts" are their posts, quotes and reposts; "replies" their replies;
 * "media" their posts and replies with pictures.
 */
export async function listAuthorPosts({ db, viewerId, input }: { db: Db; viewerId: string | null; input: z.input<typeof AuthorPostsInput> }): Promise<TimelinePage> {
  const { userId, tab, cursor, limit } = AuthorPostsInput.parse(input);
  const rows = await db.post.findMany({
    where: {
      authorId: userId,
      deletedAt: null,
      ...(tab === "media" ? { images: { some: {} } } : { replyToId: tab === "replies" ? { not: null } : null }),
      ...(cursor ? { id: { lt: BigInt(cursor) } } : {}),
    },
    select: { id: true },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit).map((row) => row.id);
  // Their own profile shows a muted person's posts (it was opened on purpose); a block hides them.
  const items = await hydrateTimeline(db, page, viewerId, { showMuted: true });
  return { items, nextCursor: rows.length > limit ? (page.at(-1)?.toString() ?? null) : null };
}
