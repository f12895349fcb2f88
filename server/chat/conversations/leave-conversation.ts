import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { disconnectChatUser } from "../publish-chat-events";
import { announceConversationUpdate } from "./conversation-update";
import { getMembershipOrThrow } from "./get-membership-or-throw";

export const LeaveConversationInput = z.object({ conversationId: z.string().min(1).max(64) });

/**
 * Leaves a group. The last admin to leave hands the role to the longest-standing
 * member, so a group is never left without one. A DM cannot be left (mute it).
 * The leaver's connections are terminated like a removed member's: their other
 * tabs would otherwise keep receiving the group's messages.
 */
export async function leaveConversation({ db, userId, conversationId }: { db: Db; userId: string; conversationId: string }) {
  const member = await getMembershipOrThrow({ db, conversationId, userId });
  if (member.conversation.kind === "dm") throw new AppError("BAD_REQUEST", "You can't leave a direct conversation; mute it instead.");
  await db.$transaction(async (tx) => {
    await tx.conversationMember.update({
      where: { conversationId_userId: { conversationId, userId } },
      data: { leftAt: new Date(), removedById: null },
    });
    if (member.role !== "admin") return;
    const admins = await tx.conversationMember.count({ where: { conversationId, leftAt: null, role: "admin" } });
    if (admins > 0) return;
    const successor = await tx.conversationMember.findFirst({ where: { conversationId, leftAt: null }, orderBy: { joinedAt: "asc" } });
    if (successor) await tx.conversationMember.update({ where: { conversationId_userId: { conversationId, userId: successor.userId } }, data: { role: "admin" } });
  });
  await Promise.all([
    announceConversationUpdate({ conversationId, change: "member-left", name: member.conversation.name, userIds: [userId], byUserId: userId }),
    disconnectChatUser(userId),
  ]);
  return { conversationId, left: true as const };
}
