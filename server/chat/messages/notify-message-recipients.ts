import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";
import type { Db } from "@/server/platform/db";
import { notify } from "@/server/platform/notifications";
import type { MessageView } from "../chat-views";
import { previewOf } from "./message-body";
import { CHAT_MENTION_KIND, notifyMentionedMembers } from "./notify-mentions";

export const CHAT_MESSAGE_KIND = "chat.message";

/** Where a chat notification leads: the conversation, scrolled to the message, with its thread open for a reply's entry. */
export function chatHref(conversationId: string, seq: number, threadOf?: string): string {
  const thread = threadOf ? `&thread=${encodeURIComponent(threadOf)}` : "";
  return `/chat/${encodeURIComponent(conversationId)}?seq=${seq}${thread}`;
}

/**
 * Platform notifications for a new message (the bell and its toast):
 *   - a DM notifies the other person unless they muted it, at most one unread
 *     "chat.message" per conversation, so a burst of messages is one bell entry;
 *   - an @username mention of an active member notifies them ("chat.mention",
 *     notify-mentions.ts, the rule thread replies follow too), even in a muted conversation;
 *   - nobody who has already read the message (the conversation is open on
 *     their screen) is notified of it; reading later marks these read.
 * Unread badges and in-conversation toasts come from the `message` events, not
 * from here. Payload: { conversationId, messageId, seq, senderId, senderName, preview, href }.
 */
type Recipient = { userId: string; kind: "dm" | "group"; muted: boolean; username: string | null; hasPendingDm: boolean };

export async function notifyMessageRecipients({ db, message }: { db: Db; message: MessageView }): Promise<void> {
  // One statement (members, their usernames, and whether a DM notification is still unread), not four round trips:
  // this runs for every DM message, and Postgres round trips are what chat.send's CPU goes to (bench:chat).
  const recipients = await db.$queryRaw<Recipient[]>`
    SELECT m."userId", c."kind"::text AS "kind", m."muted", u."username",
           (c."kind" = 'dm' AND EXISTS (
             SELECT 1 FROM "notification" n
              WHERE n."userId" = m."userId" AND n."kind" = ${CHAT_MESSAGE_KIND} AND n."readAt" IS NULL
                AND n."payload"->>'conversationId' = ${message.conversationId}
           )) AS "hasPendingDm"
      FROM "chat_conversation" c
      JOIN "chat_member" m ON m."conversationId" = c."id" AND m."leftAt" IS NULL AND m."userId" <> ${message.senderId}
                           -- Someone reading the conversation has already seen it (mark-read.ts reads what was notified before).
                           AND m."lastReadSeq" < ${message.seq}
      JOIN "user" u ON u."id" = m."userId"
     WHERE c."id" = ${message.conversationId}`;
  if (recipients.length === 0) return;
  const payload = {
    conversationId: message.conversationId,
    messageId: message.id,
    seq: message.seq,
    senderId: message.senderId,
    senderName: message.sender.name,
    preview: previewOf(message.body, 200).preview,
    href: chatHref(message.conversationId, message.seq),
  };

  const notified = await notifyMentionedMembers({ db, candidates: recipients, body: message.body, payload });

  for (const recipient of recipients) {
    if (recipient.kind !== "dm" || recipient.muted || recipient.hasPendingDm || notified.has(recipient.userId)) continue;
    await notify({ db, userId: recipient.userId, kind: CHAT_MESSAGE_KIND, payload });
    notified.add(recipient.userId);
  }
  await readWhatWasReadMeanwhile({ db, message, userIds: [...notified] });
}

/**
 * Someone who read the message between the SELECT above and the inserts (the
 * conversation open on their screen) had their mark-read find no notification
 * to clear, and would keep an unread bell entry for a message they have seen.
 * Checked after the inserts, this sees their read mark, or their mark-read
 * (which writes the mark before it looks) saw the notification: one of the two.
 */
async function readWhatWasReadMeanwhile({ db, message, userIds }: { db: Db; message: MessageView; userIds: string[] }): Promise<void> {
  if (userIds.length === 0) return;
  const readers = await db.conversationMember.findMany({
    where: { conversationId: message.conversationId, userId: { in: userIds }, lastReadSeq: { gte: message.seq } },
    select: { userId: true },
  });
  for (const { userId } of readers) {
    const rows = await db.notification.findMany({
      where: { userId, readAt: null, kind: { in: [CHAT_MESSAGE_KIND, CHAT_MENTION_KIND] }, payload: { path: ["messageId"], equals: message.id } },
      select: { id: true },
    });
    if (rows.length > 0) await markNotificationsRead({ db, userId, target: { ids: rows.map((row) => row.id) } });
  }
}
