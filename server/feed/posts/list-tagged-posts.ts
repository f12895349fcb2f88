import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { hydrateTimeline } from "@/server/feed/hydrate/hydrate-posts";
import type { TimelinePage } from "@/server/feed/hydrate/post-view";
import { PostId } from "./post-id";

export const TaggedPostsInput = z.object({
  // Letters, digits and "_" only: what post-text.ts links as a tag.
  tag: z.string().min(1).max(100).regex(/^[\p{L}\p{N}_]+$/u, "Invalid hashtag"),
  cursor: PostId.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});

/**
 * A hashtag page, newest first: live posts tagged #tag in any case, from the
 * tag index written with each post (feed_post_tag, by (tag, postId DESC)).
 */
export async function listTaggedPosts({ db, viewerId, input }: { db: Db; viewerId: string | null; input: z.input<typeof TaggedPostsInput> }): Promise<TimelinePage> {
  const { tag, cursor, limit } = TaggedPostsInput.parse(input);
  const rows = await db.postTag.findMany({
    where: { tag: tag.toLowerCase(), post: { deletedAt: null }, ...(cursor ? { postId: { lt: BigInt(cursor) } } : {}) },
    select: { postId: true },
    orderBy: { postId: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit).map((row) => row.postId);
  const items = await hydrateTimeline(db, page, viewerId);
  return { items, nextCursor: rows.length > limit ? (page.at(-1)?.toString() ?? null) : null };
}
