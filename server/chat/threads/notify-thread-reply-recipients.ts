import type { Db } from "@/server/platform/db";
import { notify } from "@/server/platform/notifications";
import { chatHref } from "../messages/notify-message-recipients";
import { mentionedUsernames, previewOf } from "../messages/message-body";
import { notifyMentionedMembers } from "../messages/notify-mentions";
import type { ThreadReplyView } from "./thread-views";

export const CHAT_THREAD_REPLY_KIND = "chat.thread-reply";

/**
 * The bell entries (and toasts) of a new thread reply:
 *   - members it @mentions get "chat.mention", muted or not, by the same rule
 *     as a mention in the timeline (messages/notify-mentions.ts);
 *   - the parent message's author gets "chat.thread-reply" unless it is their
 *     own reply, they were just mentioned by it, they left or muted the
 *     conversation, or the parent was erased with its author's account (the
 *     "Deleted user" ghost is a member of nothing).
 * Both carry `replyId`: they are the thread's entries, read when the thread is
 * opened (receipts/mark-thread-notifications-read.ts), not when the timeline is.
 * Payload: { conversationId, messageId (the parent), seq (the parent's), replyId, senderId, senderName, preview, href }.
 */
export async function notifyThreadReplyRecipients({
  db,
  conversationId,
  parentId,
  parentSeq,
  reply,
}: {
  db: Db;
  conversationId: string;
  parentId: string;
  parentSeq: number;
  reply: ThreadReplyView;
}): Promise<void> {
  const payload = {
    conversationId,
    messageId: parentId,
    seq: parentSeq,
    replyId: reply.id,
    senderId: reply.senderId,
    senderName: reply.sender.name,
    preview: previewOf(reply.body, 200).preview,
    href: chatHref(conversationId, parentSeq, parentId),
  };
  // Most replies mention no one: only those read the members' usernames.
  const candidates =
    mentionedUsernames(reply.body).length > 0
      ? await db.conversationMember.findMany({
          where: { conversationId, leftAt: null, userId: { not: reply.senderId } },
          select: { userId: true, user: { select: { username: true } } },
        })
      : [];
  const mentioned = await notifyMentionedMembers({
    db,
    candidates: candidates.map((member) => ({ userId: member.userId, username: member.user.username })),
    body: reply.body,
    payload,
  });

  const parent = await db.message.findUnique({ where: { id: parentId }, select: { senderId: true } });
  if (!parent || parent.senderId === reply.senderId || mentioned.has(parent.senderId)) return;
  const author = await db.conversationMember.findUnique({
    where: { conversationId_userId: { conversationId, userId: parent.senderId } },
    select: { leftAt: true, muted: true },
  });
  if (!author || author.leftAt !== null || author.muted) return;
  await notify({ db, userId: parent.senderId, kind: CHAT_THREAD_REPLY_KIND, payload });
}
