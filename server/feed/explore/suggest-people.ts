import type { Db } from "@/server/platform/db";
import type { PersonResult } from "./search-people";

const SUGGESTIONS = 5;
/** Candidates taken from each source before filtering: enough to fill the list after the people already followed leave. */
const CANDIDATES = 200;

export type Suggestion = PersonResult & { mutuals: number };

/**
 * "Who to follow": friends of friends first (people followed by the most of
 * those the viewer follows), then the most followed people, leaving out the
 * viewer, people they already follow, and anyone blocked either way or muted.
 * Signed out, only the popular ones.
 */
export async function suggestPeople({ db, viewerId }: { db: Db; viewerId: string | null }): Promise<Suggestion[]> {
  const viewer = viewerId ?? "";
  return db.$queryRaw<Suggestion[]>`
    WITH mine AS (SELECT "followeeId" FROM "feed_follow" WHERE "followerId" = ${viewer}),
         friends_of_friends AS (
           SELECT f."followeeId" AS "id", count(*)::int AS "mutuals"
             FROM "feed_follow" f JOIN mine m ON f."followerId" = m."followeeId"
            GROUP BY f."followeeId" ORDER BY count(*) DESC LIMIT ${CANDIDATES}),
         popular AS (SELECT "userId" AS "id", 0 AS "mutuals" FROM "feed_profile" ORDER BY "followerCount" DESC LIMIT ${CANDIDATES}),
         candidates AS (
           SELECT "id", max("mutuals") AS "mutuals" FROM (SELECT * FROM friends_of_friends UNION ALL SELECT * FROM popular) c GROUP BY "id")
    SELECT u."id", u."name", u."username", u."image", coalesce(p."bio", '') AS "bio", coalesce(p."followerCount", 0) AS "followerCount", c."mutuals"
      FROM candidates c JOIN "user" u ON u."id" = c."id" LEFT JOIN "feed_profile" p ON p."userId" = u."id"
     WHERE u."id" <> ${viewer}
       AND NOT EXISTS (SELECT 1 FROM mine WHERE mine."followeeId" = u."id")
       AND NOT EXISTS (SELECT 1 FROM "feed_block" k WHERE (k."blockerId" = u."id" AND k."blockedId" = ${viewer}) OR (k."blockerId" = ${viewer} AND k."blockedId" = u."id"))
       AND NOT EXISTS (SELECT 1 FROM "feed_mute" m WHERE m."muterId" = ${viewer} AND m."mutedId" = u."id")
     ORDER BY c."mutuals" DESC, coalesce(p."followerCount", 0) DESC, u."id"
     LIMIT ${SUGGESTIONS}`;
}
