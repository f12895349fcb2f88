import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { getMembershipOrThrow } from "../conversations/get-membership-or-throw";

/** A live message the caller sent, in a conversation they are still in; NOT_FOUND / FORBIDDEN otherwise. */
export async function getOwnMessageOrThrow({ db, userId, messageId }: { db: Db; userId: string; messageId: string }) {
  const message = await db.message.findUnique({ where: { id: messageId } });
  if (!message || message.deletedAt) throw new AppError("NOT_FOUND", "That message no longer exists.");
  await getMembershipOrThrow({ db, conversationId: message.conversationId, userId });
  if (message.senderId !== userId) throw new AppError("FORBIDDEN", "You can only change your own messages.");
  return message;
}
