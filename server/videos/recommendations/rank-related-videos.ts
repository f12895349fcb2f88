import type { Db } from "@/server/platform/db";

/** A viewer's recent watchers of the anchors looked at for co-watching: enough to see a pattern, bounded on a popular video. */
const CO_WATCHERS = 500;

/**
 * Public, ready videos related to the `anchors` (a video being watched, or
 * my recent history), best first, by a plain score:
 *   3 per tag shared with the anchors
 * + 2 when it is from an anchor's channel
 * + 1 per person who watched an anchor and also this video (co-watching),
 * ties broken by views, then by newness. Only videos with some relation
 * (score > 0) are returned; callers fill the rest (with-fallback.ts).
 */
export async function rankRelatedVideos(db: Db, { anchorIds, excludeIds, skipOwnerId, limit }: { anchorIds: readonly string[]; excludeIds: readonly string[]; skipOwnerId: string | null; limit: number }): Promise<string[]> {
  if (anchorIds.length === 0) return [];
  const anchors = [...anchorIds];
  const excluded = [...excludeIds];
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    WITH anchor AS (SELECT "ownerId", "tags" FROM "video" WHERE "id" = ANY(${anchors}::text[])),
    anchor_tag AS (SELECT DISTINCT unnest("tags") AS tag FROM anchor),
    watcher AS (SELECT DISTINCT "userId" FROM (
      SELECT "userId" FROM "video_watch" WHERE "videoId" = ANY(${anchors}::text[]) ORDER BY "watchedAt" DESC LIMIT ${CO_WATCHERS}) recent),
    co_watched AS (
      SELECT w."videoId" AS id, count(*)::int AS people FROM "video_watch" w JOIN watcher USING ("userId") GROUP BY w."videoId")
    SELECT scored.id FROM (
      SELECT v."id", v."viewCount", v."publishedAt",
             3 * (SELECT count(*) FROM unnest(v."tags") AS t(tag) WHERE t.tag IN (SELECT tag FROM anchor_tag))
           + 2 * (v."ownerId" IN (SELECT "ownerId" FROM anchor))::int
           + COALESCE(c.people, 0) AS score
        FROM "video" v LEFT JOIN co_watched c ON c.id = v."id"
       WHERE v."status" = 'ready' AND v."visibility" = 'public'
         AND NOT (v."id" = ANY(${excluded}::text[]))
         AND v."ownerId" IS DISTINCT FROM ${skipOwnerId}
    ) scored
    WHERE scored.score > 0
    ORDER BY scored.score DESC, scored."viewCount" DESC, scored."publishedAt" DESC NULLS LAST, scored.id
    LIMIT ${limit}`;
  return rows.map((row) => row.id);
}
