import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { CHAT_USER_SELECT, type ChatUser } from "../chat-views";
import { DELETED_SENDER } from "../messages/erase-account-messages";

export const SearchPeopleInput = z.object({ query: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(20).default(10) });

/**
 * People to start a DM with or add to a group: username prefix or name
 * substring, excluding the caller and the "Deleted user" who holds erased
 * accounts' messages (no one can write to it).
 */
export async function searchPeople({ db, userId, query, limit }: { db: Db; userId: string; query: string; limit: number }): Promise<ChatUser[]> {
  // LIKE wildcards typed by a person are literal characters ("dan_" is not "dan" + any one character).
  const term = query.replace(/^@/, "").replace(/[\\%_]/g, (character) => `\\${character}`);
  return db.user.findMany({
    where: {
      id: { notIn: [userId, DELETED_SENDER.id] },
      OR: [{ username: { startsWith: term.toLowerCase() } }, { name: { contains: term, mode: "insensitive" } }],
    },
    orderBy: [{ username: "asc" }],
    take: limit,
    select: CHAT_USER_SELECT,
  });
}
