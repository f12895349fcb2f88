import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { CHAT_USER_EVENTS } from "../chat-channels";
import { disconnectChatUser, publishToChatUser } from "../publish-chat-events";
import { announceConversationUpdate } from "./conversation-update";
import { getGroupAdminMembershipOrThrow } from "./get-membership-or-throw";

export const RemoveMemberInput = z.object({ conversationId: z.string().min(1).max(64), userId: z.string().min(1).max(64) });

/**
 * Admins remove someone from a group. From the moment the row is marked,
 * every membership check fails for them: sends, history, channel
 * subscriptions. They are told on their own channel (`chat.removed`) so their
 * client unsubscribes; then their connections are terminated, so a client
 * that ignores the notice loses the subscription anyway (its re-subscribe is
 * refused). Told first: an event sent while they reconnect would be missed.
 */
export async function removeMember({ db, userId, conversationId, memberId }: { db: Db; userId: string; conversationId: string; memberId: string }) {
  if (memberId === userId) throw new AppError("BAD_REQUEST", "Use “Leave group” to leave.");
  const admin = await getGroupAdminMembershipOrThrow({ db, conversationId, userId });
  const { count } = await db.conversationMember.updateMany({
    where: { conversationId, userId: memberId, leftAt: null },
    data: { leftAt: new Date(), removedById: userId },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "That person is not in this group.");
  await Promise.all([
    publishToChatUser(memberId, CHAT_USER_EVENTS.removed, { conversationId, byUserId: userId }).then(() => disconnectChatUser(memberId)),
    announceConversationUpdate({ conversationId, change: "member-removed", name: admin.conversation.name, userIds: [memberId], byUserId: userId }),
  ]);
  return { conversationId, removed: memberId };
}
