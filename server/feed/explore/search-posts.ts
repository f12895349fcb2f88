import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { hydrateTimeline } from "@/server/feed/hydrate/hydrate-posts";
import type { TimelineItem } from "@/server/feed/hydrate/post-view";

export const SearchPostsInput = z.object({
  q: z.string().trim().min(1, "Type something to search for.").max(200),
  /** Ranked results page by position: the cursor is how many were already shown. */
  cursor: z.string().regex(/^\d{1,4}$/).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});

export type SearchHit = TimelineItem & { highlights: string[] };
export type SearchPostsPage = { items: SearchHit[]; nextCursor: string | null };

// Marks Postgres puts around each matched word; control characters a person does not type.
const START = "\u0002";
const STOP = "\u0003";
const MARKED = new RegExp(`${START}([^${STOP}]*)${STOP}`, "g");

/**
 * Full-text search of live posts (Postgres, English stemming, web-search
 * syntax: words, "phrases", -exclusions, and #tags, whose word is searched),
 * best match first, then newest. Each hit carries the words of its text that
 * matched (from ts_headline), for the browser to highlight as elements: no
 * HTML is made from the text. The WHERE clause repeats the expression and
 * predicate of the GIN index feed_post_text_search_idx word for word.
 */
export async function searchPosts({ db, viewerId, input }: { db: Db; viewerId: string | null; input: z.input<typeof SearchPostsInput> }): Promise<SearchPostsPage> {
  const { q, cursor, limit } = SearchPostsInput.parse(input);
  const offset = Number(cursor ?? 0);
  const options = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;
  const rows = await db.$queryRaw<Array<{ id: bigint; headline: string }>>`
    WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS q)
    SELECT p."id", ts_headline('english', p."text", query.q, ${options}) AS "headline"
      FROM "feed_post" p, query
     WHERE to_tsvector('english', p."text") @@ query.q AND p."deletedAt" IS NULL AND p."repostOfId" IS NULL
     ORDER BY ts_rank(to_tsvector('english', p."text"), query.q) DESC, p."id" DESC
     OFFSET ${offset} LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const highlights = new Map(page.map((row) => [row.id.toString(), [...new Set([...row.headline.matchAll(MARKED)].map((match) => match[1] ?? ""))].filter(Boolean)]));
  const items = await hydrateTimeline(db, page.map((row) => row.id), viewerId);
  return {
    items: items.map((item) => ({ ...item, highlights: highlights.get(item.entryId) ?? [] })),
    nextCursor: rows.length > limit ? String(offset + limit) : null,
  };
}
