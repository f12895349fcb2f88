import type { Db } from "@/server/platform/db";
import { notify } from "@/server/platform/notifications";
import type { MessageView } from "./chat-views";
import { mentionedUsernames, previewOf } from "./message-body";

export const CHAT_MESSAGE_KIND = "chat.message";
export const CHAT_MENTION_KIND = "chat.mention";

/** Where a chat notification leads: the conversation, scrolled to the message. */
export function chatHref(conversationId: string, seq: number): string {
  return `/chat?conversation=${encodeURIComponent(conversationId)}&seq=${seq}`;
}

/**
 * Platform notifications for a new message (the bell and its toast):
 *   - a DM notifies the other person unless they muted it, at most one unread
 *     "chat.message" per conversation, so a burst of messages is one bell entry;
 *   - an @username mention of an active member notifies them ("chat.mention"),
 *     even in a muted conversation.
 * Unread badges and in-conversation toasts come from the `message` events, not
 * from here. Payload: { conversationId, messageId, seq, senderId, senderName, preview, href }.
 */
export async function notifyMessageRecipients({ db, message }: { db: Db; message: MessageView }): Promise<void> {
  const conversation = await db.conversation.findUnique({
    where: { id: message.conversationId },
    select: {
      kind: true,
      members: { where: { leftAt: null, userId: { not: message.senderId } }, select: { userId: true, muted: true, user: { select: { username: true } } } },
    },
  });
  if (!conversation) return;
  const payload = {
    conversationId: message.conversationId,
    messageId: message.id,
    seq: message.seq,
    senderId: message.senderId,
    senderName: message.sender.name,
    preview: previewOf(message.body, 200).preview,
    href: chatHref(message.conversationId, message.seq),
  };

  const mentioned = new Set(mentionedUsernames(message.body));
  const mentionedIds = conversation.members.filter((member) => member.user.username && mentioned.has(member.user.username)).map((member) => member.userId);
  const notified = new Set<string>();
  for (const userId of mentionedIds) {
    await notify({ db, userId, kind: CHAT_MENTION_KIND, payload });
    notified.add(userId);
  }

  if (conversation.kind !== "dm") return;
  for (const member of conversation.members) {
    if (member.muted || notified.has(member.userId)) continue;
    const pending = await db.notification.findFirst({
      where: { userId: member.userId, kind: CHAT_MESSAGE_KIND, readAt: null, payload: { path: ["conversationId"], equals: message.conversationId } },
      select: { id: true },
    });
    if (!pending) await notify({ db, userId: member.userId, kind: CHAT_MESSAGE_KIND, payload });
  }
}
