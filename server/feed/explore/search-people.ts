import { z } from "zod";
import type { Db } from "@/server/platform/db";

export const SearchPeopleInput = z.object({ q: z.string().trim().min(1, "Type something to search for.").max(100) });

export type PersonResult = { id: string; name: string; username: string | null; image: string | null; bio: string; followerCount: number };

const RESULTS = 20;

/**
 * People by username (prefix) or display name (anywhere in it), any case,
 * the most followed first. Anyone who blocked the viewer, or whom the viewer
 * blocked, is left out.
 */
export async function searchPeople({ db, viewerId, input }: { db: Db; viewerId: string | null; input: z.input<typeof SearchPeopleInput> }): Promise<PersonResult[]> {
  const { q } = SearchPeopleInput.parse(input);
  const handle = q.replace(/^@/, "").toLowerCase();
  const escaped = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
  const viewer = viewerId ?? "";
  return db.$queryRaw<PersonResult[]>`
    SELECT u."id", u."name", u."username", u."image", coalesce(p."bio", '') AS "bio", coalesce(p."followerCount", 0) AS "followerCount"
      FROM "user" u LEFT JOIN "feed_profile" p ON p."userId" = u."id"
     WHERE (u."username" LIKE ${`${escaped(handle)}%`} OR u."name" ILIKE ${`%${escaped(q)}%`})
       AND NOT EXISTS (SELECT 1 FROM "feed_block" k WHERE (k."blockerId" = u."id" AND k."blockedId" = ${viewer}) OR (k."blockerId" = ${viewer} AND k."blockedId" = u."id"))
     ORDER BY coalesce(p."followerCount", 0) DESC, u."id"
     LIMIT ${RESULTS}`;
}
