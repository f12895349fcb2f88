import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { CHAT_USER_EVENTS } from "../chat-channels";
import { publishToChatUser } from "../publish-chat-events";
import { isUniqueViolation } from "@/server/platform/db-errors";
import { loadConversationSummary, type ConversationSummary } from "./conversation-summary";

export const StartDirectConversationInput = z.object({ userId: z.string().min(1).max(64) });

/** The DM key of a pair: the two ids sorted, so (a, b) and (b, a) are the same conversation. */
export function dmKeyOf(userA: string, userB: string): string {
  return [userA, userB].sort().join(":");
}

/**
 * Opens the one DM between the caller and `userId`, creating it on first use.
 * Idempotent per pair: `dmKey` is unique, so two people starting it at the
 * same moment end up in the same conversation (the loser of the insert race
 * reads the winner's row).
 */
export async function startDirectConversation({ db, userId, otherUserId }: { db: Db; userId: string; otherUserId: string }): Promise<ConversationSummary> {
  if (otherUserId === userId) throw new AppError("BAD_REQUEST", "Pick someone else to message.", { field: "userId" });
  const other = await db.user.findUnique({ where: { id: otherUserId }, select: { id: true } });
  if (!other) throw new AppError("NOT_FOUND", "That person does not exist.");

  const dmKey = dmKeyOf(userId, otherUserId);
  let conversationId = (await db.conversation.findUnique({ where: { dmKey }, select: { id: true } }))?.id;
  if (!conversationId) {
    try {
      const created = await db.conversation.create({
        data: {
          kind: "dm",
          dmKey,
          createdById: userId,
          members: { create: [{ userId, role: "member" }, { userId: otherUserId, role: "member" }] },
        },
        select: { id: true },
      });
      conversationId = created.id;
      await publishToChatUser(otherUserId, CHAT_USER_EVENTS.conversationAdded, { conversationId, kind: "dm" });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      conversationId = (await db.conversation.findUniqueOrThrow({ where: { dmKey }, select: { id: true } })).id;
    }
  }
  return loadConversationSummary({ db, viewerId: userId, conversationId });
}
