import { env } from "@/server/env";
import type { Db } from "@/server/platform/db";

/**
 * What belongs in timelines, in Postgres terms: an author's live posts,
 * quotes and reposts, newest first. Replies are not timeline entries: they
 * show in their thread and on the author's profile.
 */
export async function listAuthorEntries(db: Db, authorId: string, limit = env.FEED_TIMELINE_SIZE): Promise<bigint[]> {
  const rows = await db.$queryRaw<Array<{ id: bigint }>>`
    SELECT "id" FROM "feed_post"
     WHERE "authorId" = ${authorId} AND "deletedAt" IS NULL AND "replyToId" IS NULL
     ORDER BY "id" DESC LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

/**
 * A home timeline from scratch: the newest entries of the authors the user
 * follows who are below the celebrity threshold (celebrities and the user's
 * own posts are merged at read time). One LATERAL index scan per followee on
 * (authorId, id DESC), so the cost is bounded by the size, not by the posts.
 */
export async function listHomeEntries(db: Db, userId: string): Promise<bigint[]> {
  const rows = await db.$queryRaw<Array<{ id: bigint }>>`
    SELECT p."id" FROM "feed_follow" f
      JOIN "feed_profile" a ON a."userId" = f."followeeId"
      CROSS JOIN LATERAL (
        SELECT "id" FROM "feed_post"
         WHERE "authorId" = f."followeeId" AND "deletedAt" IS NULL AND "replyToId" IS NULL
         ORDER BY "id" DESC LIMIT ${env.FEED_TIMELINE_SIZE}
      ) p
     WHERE f."followerId" = ${userId} AND a."followerCount" < ${env.FEED_CELEBRITY_FOLLOWERS}
     ORDER BY p."id" DESC LIMIT ${env.FEED_TIMELINE_SIZE}`;
  return rows.map((row) => row.id);
}

/** The people `userId` follows whose posts are merged at read time rather than fanned out. */
export async function listFollowedCelebrities(db: Db, userId: string): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT f."followeeId" AS "id" FROM "feed_follow" f
      JOIN "feed_profile" p ON p."userId" = f."followeeId"
     WHERE f."followerId" = ${userId} AND p."followerCount" >= ${env.FEED_CELEBRITY_FOLLOWERS}`;
  return rows.map((row) => row.id);
}

export async function isCelebrity(db: Db, userId: string): Promise<boolean> {
  const profile = await db.feedProfile.findUnique({ where: { userId }, select: { followerCount: true } });
  return (profile?.followerCount ?? 0) >= env.FEED_CELEBRITY_FOLLOWERS;
}
