import type { Db } from "@/server/platform/db";

/** How far back "For you" looks, and how many posts one ranking keeps (pages are read from it). */
export const FOR_YOU_WINDOW_HOURS = 72;
export const FOR_YOU_SIZE = 200;
/** Second-degree authors considered: the ones most followed by the people the reader follows. */
const SECOND_DEGREE_AUTHORS = 200;

/**
 * Ranks recent top-level posts (posts and quotes, no replies or reposts) for
 * a reader by engagement with time decay, Hacker News style:
 * (likes + 2·reposts + 2·quotes + replies + 1) / (age in hours + 2)^1.5.
 * Candidates are the authors the reader follows and the 200 authors most
 * followed by them (friends of friends), or, for someone who follows no one
 * yet, everyone. The reader's own posts, blocked and muted authors are left
 * out. Each candidate author is read through the (authorId, id) index. An
 * age below zero (a clock ahead of the database's) counts as zero: a
 * negative base to a fractional power is an error in Postgres.
 */
export async function rankForYou(db: Db, viewerId: string): Promise<bigint[]> {
  const rows = await db.$queryRaw<Array<{ id: bigint }>>`
    WITH followed AS (SELECT "followeeId" AS id FROM "feed_follow" WHERE "followerId" = ${viewerId}),
         second AS (SELECT f2."followeeId" AS id FROM "feed_follow" f2 JOIN followed f ON f2."followerId" = f.id
                     WHERE f2."followeeId" <> ${viewerId} AND f2."followeeId" NOT IN (SELECT id FROM followed)
                     GROUP BY f2."followeeId" ORDER BY count(*) DESC LIMIT ${SECOND_DEGREE_AUTHORS}),
         authors AS (SELECT id FROM followed UNION SELECT id FROM second),
         candidates AS (
           SELECT p.* FROM "feed_post" p JOIN authors a ON p."authorId" = a.id
            WHERE p."createdAt" > now() - make_interval(hours => ${FOR_YOU_WINDOW_HOURS})
           UNION ALL
           SELECT p.* FROM "feed_post" p
            WHERE NOT EXISTS (SELECT 1 FROM followed) AND p."authorId" <> ${viewerId}
              AND p."createdAt" > now() - make_interval(hours => ${FOR_YOU_WINDOW_HOURS}))
    SELECT c."id" FROM candidates c
     WHERE c."deletedAt" IS NULL AND c."replyToId" IS NULL AND c."repostOfId" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "feed_block" k WHERE (k."blockerId" = c."authorId" AND k."blockedId" = ${viewerId})
                                                       OR (k."blockerId" = ${viewerId} AND k."blockedId" = c."authorId"))
       AND NOT EXISTS (SELECT 1 FROM "feed_mute" m WHERE m."muterId" = ${viewerId} AND m."mutedId" = c."authorId")
     ORDER BY (c."likeCount" + 2 * c."repostCount" + 2 * c."quoteCount" + c."replyCount" + 1)
              / power(GREATEST(extract(epoch FROM now() - c."createdAt") / 3600, 0) + 2, 1.5) DESC, c."id" DESC
     LIMIT ${FOR_YOU_SIZE}`;
  return rows.map((row) => row.id);
}
