import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { CHAT_EVENTS } from "../chat-channels";
import { publishToConversation } from "../publish-chat-events";
import { isUniqueViolation } from "@/server/platform/db-errors";
import { consume, rateLimitError } from "@/server/platform/ratelimit";
import { summarizeReactions, type ReactionSummary } from "../chat-views";
import { getMembershipOrThrow } from "../conversations/get-membership-or-throw";
import { isReactionEmoji } from "./reaction-emoji";

/** Exactly one emoji (reaction-emoji.ts). */
export const Emoji = z.string().refine(isReactionEmoji, "Pick one emoji.");

export const ToggleReactionInput = z.object({ messageId: z.string().min(1).max(64), emoji: Emoji });

/** Payload of `reaction` (and the mutation's answer): the message's reactions after the change. */
export type ReactionEvent = {
  conversationId: string;
  messageId: string;
  seq: number;
  userId: string;
  emoji: string;
  added: boolean;
  /** `mine` is from the reacting user's point of view; other clients recompute it from userIds. */
  reactions: ReactionSummary[];
};

const MAX_REACTIONS_PER_USER = 20;

/** Adds my `emoji` to a message, or takes it back if I had already reacted with it. */
export async function toggleReaction({ db, userId, messageId, emoji }: { db: Db; userId: string; messageId: string; emoji: string }): Promise<ReactionEvent> {
  const message = await db.message.findUnique({ where: { id: messageId }, select: { id: true, conversationId: true, seq: true, deletedAt: true } });
  if (!message || message.deletedAt) throw new AppError("NOT_FOUND", "That message no longer exists.");
  await getMembershipOrThrow({ db, conversationId: message.conversationId, userId });
  // Every toggle is pushed to every member: a toggle loop spends from the sender's message window like a send loop.
  const limit = await consume("chat-send", userId);
  if (!limit.allowed) throw rateLimitError(limit);

  const key = { messageId_userId_emoji: { messageId, userId, emoji } };
  const { count } = await db.messageReaction.deleteMany({ where: { messageId, userId, emoji } });
  let added = false;
  if (count === 0) {
    const mine = await db.messageReaction.count({ where: { messageId, userId } });
    if (mine >= MAX_REACTIONS_PER_USER) throw new AppError("BAD_REQUEST", `At most ${MAX_REACTIONS_PER_USER} reactions per message.`);
    try {
      await db.messageReaction.create({ data: { messageId, userId, emoji } });
    } catch (error) {
      // A double click raced itself: the reaction is there, which is what the first click wanted.
      if (!isUniqueViolation(error)) throw error;
      await db.messageReaction.findUniqueOrThrow({ where: key });
    }
    added = true;
  }
  const rows = await db.messageReaction.findMany({ where: { messageId }, orderBy: { createdAt: "asc" }, select: { emoji: true, userId: true } });
  const event: ReactionEvent = { conversationId: message.conversationId, messageId, seq: message.seq, userId, emoji, added, reactions: summarizeReactions(rows, userId) };
  await publishToConversation(message.conversationId, CHAT_EVENTS.reaction, event);
  return event;
}
