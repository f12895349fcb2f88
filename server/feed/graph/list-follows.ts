import { z } from "zod";
import { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import type { PersonResult } from "@/server/feed/explore/search-people";
import { utcTimestamp } from "@/server/feed/utc-timestamp";

export const FollowsInput = z.object({
  userId: z.string().min(1).max(64),
  // Not "direction": tRPC's infinite queries put their own "direction" into the input.
  list: z.enum(["followers", "following"]),
  /** "<epoch ms>_<user id>" of the last person shown: pages go newest follow first. */
  cursor: z.string().regex(/^\d{1,15}_[^\s]{1,64}$/, "Invalid cursor").nullish(),
  limit: z.number().int().min(1).max(50).default(30),
});

export type FollowsPage = { people: PersonResult[]; nextCursor: string | null };

// Which side of feed_follow is the profile's and which the listed person's (fixed identifiers, never input).
const COLUMNS = {
  followers: { own: Prisma.raw(`"followeeId"`), other: Prisma.raw(`"followerId"`) },
  following: { own: Prisma.raw(`"followerId"`), other: Prisma.raw(`"followeeId"`) },
};

/**
 * A profile's followers or the people they follow, the newest follow first.
 * Public like the counts; people blocked either way with the viewer are left out.
 */
export async function listFollows({ db, viewerId, input }: { db: Db; viewerId: string | null; input: z.input<typeof FollowsInput> }): Promise<FollowsPage> {
  const { userId, list, cursor, limit } = FollowsInput.parse(input);
  const { own, other } = COLUMNS[list];
  const separator = cursor?.indexOf("_") ?? -1;
  const before = cursor && separator > 0 ? { at: new Date(Number(cursor.slice(0, separator))), id: cursor.slice(separator + 1) } : null;
  const viewer = viewerId ?? "";
  const rows = await db.$queryRaw<Array<PersonResult & { followedAt: Date }>>`
    SELECT u."id", u."name", u."username", u."image", coalesce(p."bio", '') AS "bio", coalesce(p."followerCount", 0) AS "followerCount", f."createdAt" AS "followedAt"
      FROM "feed_follow" f JOIN "user" u ON u."id" = f.${other} LEFT JOIN "feed_profile" p ON p."userId" = u."id"
     WHERE f.${own} = ${userId}
       ${before ? Prisma.sql`AND (f."createdAt", f.${other}) < (${utcTimestamp(before.at)}::timestamp(3), ${before.id})` : Prisma.empty}
       AND NOT EXISTS (SELECT 1 FROM "feed_block" k WHERE (k."blockerId" = u."id" AND k."blockedId" = ${viewer}) OR (k."blockerId" = ${viewer} AND k."blockedId" = u."id"))
     ORDER BY f."createdAt" DESC, f.${other} DESC
     LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    people: page.map((row) => ({ id: row.id, name: row.name, username: row.username, image: row.image, bio: row.bio, followerCount: row.followerCount })),
    nextCursor: rows.length > limit && last ? `${last.followedAt.getTime()}_${last.id}` : null,
  };
}
