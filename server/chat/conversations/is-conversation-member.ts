import type { Db } from "@/server/platform/db";

/**
 * True while `userId` is an active member; the channel-access rule for
 * `private-chat-<id>` and `presence-chat-<id>` (server/platform/channel-access.ts),
 * checked on every subscribe, so a removed member's next subscription is refused.
 */
export async function isConversationMember({ db, conversationId, userId }: { db: Db; conversationId: string; userId: string }): Promise<boolean> {
  if (conversationId.length === 0 || conversationId.length > 64) return false;
  const member = await db.conversationMember.findUnique({
    where: { conversationId_userId: { conversationId, userId } },
    select: { leftAt: true },
  });
  return member !== null && member.leftAt === null;
}
