import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";
import type { Db } from "@/server/platform/db";
import { CHAT_MENTION_KIND } from "../messages/notify-mentions";
import { CHAT_MESSAGE_KIND } from "../messages/notify-message-recipients";

/**
 * Reading a conversation up to `seq` reads its bell entries too: the "new
 * message" and mention notifications about messages at or before it, but not
 * the mentions in a thread's replies (they carry a `replyId` and are read when
 * the thread is: mark-thread-notifications-read.ts). The bell of every open
 * tab of the reader follows (markNotificationsRead pushes it).
 */
export async function markConversationNotificationsRead({ db, userId, conversationId, seq }: { db: Db; userId: string; conversationId: string; seq: number }): Promise<void> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "notification"
     WHERE "userId" = ${userId} AND "readAt" IS NULL
       AND "kind" IN (${CHAT_MESSAGE_KIND}, ${CHAT_MENTION_KIND})
       AND "payload"->>'conversationId' = ${conversationId}
       AND ("payload"->>'seq')::int <= ${seq} AND "payload"->>'replyId' IS NULL`;
  if (rows.length === 0) return;
  await markNotificationsRead({ db, userId, target: { ids: rows.map((row) => row.id) } });
}
