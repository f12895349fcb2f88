import { z } from "zod";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";
import type { Db } from "@/server/platform/db";
import { getMembershipOrThrow, notAMember } from "../conversations/get-membership-or-throw";
import { CHAT_MENTION_KIND } from "../messages/notify-mentions";
import { CHAT_THREAD_REPLY_KIND } from "../threads/notify-thread-reply-recipients";

export const MarkThreadReadInput = z.object({ messageId: z.string().min(1).max(64) });

/**
 * Opening a thread reads its bell entries, as reading a conversation reads
 * the conversation's (mark-conversation-notifications-read.ts): the "replied in
 * your thread" and the mentions in its replies (those carry a `replyId`). The
 * bell of every open tab follows. Answers how many turned read; a message the
 * caller cannot see answers FORBIDDEN, like the thread itself.
 */
export async function markThreadNotificationsRead({ db, userId, messageId }: { db: Db; userId: string; messageId: string }): Promise<{ read: number }> {
  const parent = await db.message.findUnique({ where: { id: messageId }, select: { conversationId: true } });
  if (!parent) throw notAMember();
  await getMembershipOrThrow({ db, conversationId: parent.conversationId, userId });
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "notification"
     WHERE "userId" = ${userId} AND "readAt" IS NULL
       AND "kind" IN (${CHAT_THREAD_REPLY_KIND}, ${CHAT_MENTION_KIND})
       AND "payload"->>'messageId' = ${messageId} AND "payload"->>'replyId' IS NOT NULL`;
  if (rows.length === 0) return { read: 0 };
  await markNotificationsRead({ db, userId, target: { ids: rows.map((row) => row.id) } });
  return { read: rows.length };
}
