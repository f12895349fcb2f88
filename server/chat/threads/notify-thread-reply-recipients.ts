import type { Db } from "@/server/platform/db";
import { notify } from "@/server/platform/notifications";
import { chatHref } from "../messages/notify-message-recipients";
import { previewOf } from "../messages/message-body";
import type { ThreadReplyView } from "./thread-views";

export const CHAT_THREAD_REPLY_KIND = "chat.thread-reply";

/**
 * Tells the parent message's author that someone replied in its thread (the
 * bell and its toast): not for their own replies, not when they left the
 * conversation or muted it, and not for a parent erased with its author's
 * account (the "Deleted user" ghost is a member of nothing).
 * Payload: { conversationId, messageId (the parent), seq (the parent's), replyId, senderId, senderName, preview, href }.
 */
export async function notifyThreadParentAuthor({
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
  const parent = await db.message.findUnique({ where: { id: parentId }, select: { senderId: true } });
  if (!parent || parent.senderId === reply.senderId) return;
  const author = await db.conversationMember.findUnique({
    where: { conversationId_userId: { conversationId, userId: parent.senderId } },
    select: { leftAt: true, muted: true },
  });
  if (!author || author.leftAt !== null || author.muted) return;
  await notify({
    db,
    userId: parent.senderId,
    kind: CHAT_THREAD_REPLY_KIND,
    payload: {
      conversationId,
      messageId: parentId,
      seq: parentSeq,
      replyId: reply.id,
      senderId: reply.senderId,
      senderName: reply.sender.name,
      preview: previewOf(reply.body, 200).preview,
      href: chatHref(conversationId, parentSeq),
    },
  });
}
