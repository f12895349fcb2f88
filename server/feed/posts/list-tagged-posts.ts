import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { hydrateTimeline } from "@/server/feed/hydrate/hydrate-posts";
import type { TimelinePage } from "@/server/feed/hydrate/post-view";
import { PostId } from "./post-id";

export const TaggedPostsInput = z.object({
  // Letters, digits and "_" only (what post-text.ts links as a tag), so it is safe inside the pattern below.
  tag: z.string().min(1).max(100).regex(/^[\p{L}\p{N}_]+$/u, "Invalid hashtag"),
  cursor: PostId.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});

/**
 * A hashtag page, newest first: live posts whose text has #tag as a whole
 * word, any case. A pattern scan newest-first that stops at the page; good
 * for the demo's size. Search, ranking and trending (a tag table or a
 * full-text index) are a later slice.
 */
export async function listTaggedPosts({ db, viewerId, input }: { db: Db; viewerId: string | null; input: z.input<typeof TaggedPostsInput> }): Promise<TimelinePage> {
  const { tag, cursor, limit } = TaggedPostsInput.parse(input);
  const pattern = `(^|[^[:alnum:]_&#])#${tag}($|[^[:alnum:]_])`;
  const before = cursor ? BigInt(cursor) : null;
  const rows = await db.$queryRaw<Array<{ id: bigint }>>`
    SELECT "id" FROM "feed_post"
     WHERE "deletedAt" IS NULL AND "repostOfId" IS NULL AND "text" ~* ${pattern} AND (${before}::bigint IS NULL OR "id" < ${before}::bigint)
     ORDER BY "id" DESC LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit).map((row) => row.id);
  const items = await hydrateTimeline(db, page, viewerId);
  return { items, nextCursor: rows.length > limit ? (page.at(-1)?.toString() ?? null) : null };
}
