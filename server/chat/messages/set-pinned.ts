import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { consume, rateLimitError } from "@/server/platform/ratelimit";
import { CHAT_EVENTS } from "../chat-channels";
import { publishToConversation } from "../publish-chat-events";
import { getMembershipOrThrow } from "../conversations/get-membership-or-throw";

/** Pins kept per conversation: the header's list stays short enough to read. */
export const MAX_PINNED_PER_CONVERSATION = 50;

export const SetPinnedInput = z.object({ messageId: z.string().min(1).max(64), pinned: z.boolean() });

/** Payload of `message-pinned` (and the mutation's answer). */
export type MessagePinnedEvent = { conversationId: string; messageId: string; seq: number; pinned: boolean; byUserId: string };

/**
 * Pins a message for everyone in its conversation, or unpins it; any member
 * may do either (as in Slack). Pinning takes the conversation's row lock, so
 * two members pinning at once cannot pass the limit together.
 */
export async function setPinned({ db, userId, messageId, pinned }: { db: Db; userId: string; messageId: string; pinned: boolean }): Promise<MessagePinnedEvent> {
  const message = await db.message.findUnique({ where: { id: messageId }, select: { id: true, conversationId: true, seq: true, deletedAt: true } });
  if (!message) throw new AppError("NOT_FOUND", "That message no longer exists.");
  await getMembershipOrThrow({ db, conversationId: message.conversationId, userId });
  // Pushed to every member, like a reaction: spends from the sender's message window.
  const limit = await consume("chat-send", userId);
  if (!limit.allowed) throw rateLimitError(limit);
  if (pinned && message.deletedAt) throw new AppError("BAD_REQUEST", "A deleted message cannot be pinned.");

  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "chat_conversation" WHERE "id" = ${message.conversationId} FOR UPDATE`;
    if (pinned) {
      const count = await tx.message.count({ where: { conversationId: message.conversationId, pinnedAt: { not: null }, id: { not: messageId } } });
      if (count >= MAX_PINNED_PER_CONVERSATION) {
        throw new AppError("BAD_REQUEST", `A conversation keeps at most ${MAX_PINNED_PER_CONVERSATION} pinned messages: unpin one first.`);
      }
    }
    // Pinning a pinned message keeps its first pin time (the list's order).
    await tx.message.updateMany({
      where: { id: messageId, pinnedAt: pinned ? null : { not: null } },
      data: pinned ? { pinnedAt: new Date(), pinnedById: userId } : { pinnedAt: null, pinnedById: null },
    });
  });
  const event: MessagePinnedEvent = { conversationId: message.conversationId, messageId, seq: message.seq, pinned, byUserId: userId };
  await publishToConversation(message.conversationId, CHAT_EVENTS.messagePinned, event);
  return event;
}
