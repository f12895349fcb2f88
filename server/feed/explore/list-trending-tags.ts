import type { Db } from "@/server/platform/db";
import { utcTimestamp } from "@/server/feed/utc-timestamp";

/** A tag trends only when at least this many different people used it in the window: one account cannot trend a tag. */
export const TRENDING_MIN_AUTHORS = 3;
const WINDOW_HOURS = 24;
/** A use loses half its weight every this many hours, so what is rising now beats what peaked this morning. */
const HALF_LIFE_HOURS = 4;
const TRENDING_COUNT = 10;

export type TrendingTag = { tag: string; authors: number; posts: number; score: number };

/**
 * The hashtags of the last 24 hours by a decayed count of the PEOPLE using
 * them: each author counts once per tag, with the weight of their latest use
 * (halving every HALF_LIFE_HOURS), so posting a tag a hundred times counts as
 * once; tags used by fewer than TRENDING_MIN_AUTHORS people are left out.
 * Reads the tag table's createdAt index for the window only.
 */
export async function listTrendingTags({ db, now = new Date() }: { db: Db; now?: Date }): Promise<TrendingTag[]> {
  const since = new Date(now.getTime() - WINDOW_HOURS * 3_600_000);
  return db.$queryRaw<TrendingTag[]>`
    WITH uses AS (
      SELECT "tag", "authorId", count(*)::int AS "posts",
             power(0.5, extract(epoch FROM (${utcTimestamp(now)}::timestamp - max("createdAt"))) / 3600.0 / ${HALF_LIFE_HOURS}) AS "weight"
        FROM "feed_post_tag"
       WHERE "createdAt" > ${utcTimestamp(since)}::timestamp AND "createdAt" <= ${utcTimestamp(now)}::timestamp
       GROUP BY "tag", "authorId"
    )
    SELECT "tag", count(*)::int AS "authors", sum("posts")::int AS "posts", sum("weight")::float8 AS "score"
      FROM uses
     GROUP BY "tag"
    HAVING count(*) >= ${TRENDING_MIN_AUTHORS}
     ORDER BY "score" DESC, "tag"
     LIMIT ${TRENDING_COUNT}`;
}
