import type { Db } from "@/server/platform/db";

/** For the title badge: unread messages across unmuted conversations, and how many conversations have any. */
export async function countUnread({ db, userId }: { db: Db; userId: string }): Promise<{ messages: number; conversations: number }> {
  const rows = await db.$queryRaw<Array<{ messages: number; conversations: number }>>`
    SELECT COALESCE(SUM(c."lastSeq" - m."lastReadSeq"), 0)::int AS "messages",
           COUNT(*) FILTER (WHERE c."lastSeq" > m."lastReadSeq")::int AS "conversations"
      FROM "chat_member" m
      JOIN "chat_conversation" c ON c."id" = m."conversationId"
     WHERE m."userId" = ${userId} AND m."leftAt" IS NULL AND m."muted" = false`;
  return rows[0] ?? { messages: 0, conversations: 0 };
}
