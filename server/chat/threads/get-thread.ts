import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { MESSAGE_INCLUDE, toMessageView, type MessageView } from "../chat-views";
import { getMembershipOrThrow, notAMember } from "../conversations/get-membership-or-throw";
import { MAX_REPLIES_PER_THREAD } from "./reply-in-thread";
import { THREAD_REPLY_INCLUDE, toThreadReplyView, type ThreadReplyView } from "./thread-views";

export const GetThreadInput = z.object({ messageId: z.string().min(1).max(64) });

/**
 * A message's thread for a member of its conversation: the parent as the
 * timeline shows it ("message deleted" once deleted, the replies stay
 * readable) and every reply in order. A thread holds at most
 * MAX_REPLIES_PER_THREAD, so one answer carries it whole. A message that does
 * not exist answers like one in a conversation the caller is not in.
 */
export async function getThread({ db, userId, messageId }: { db: Db; userId: string; messageId: string }): Promise<{ parent: MessageView; replies: ThreadReplyView[] }> {
  const parent = await db.message.findUnique({ where: { id: messageId }, include: MESSAGE_INCLUDE });
  if (!parent) throw notAMember();
  await getMembershipOrThrow({ db, conversationId: parent.conversationId, userId });
  const replies = await db.threadReply.findMany({ where: { parentId: messageId }, orderBy: { seq: "asc" }, take: MAX_REPLIES_PER_THREAD, include: THREAD_REPLY_INCLUDE });
  return { parent: toMessageView(parent, userId), replies: replies.map(toThreadReplyView) };
}
