import { z } from "zod";
import type { ConversationRole } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { CHAT_USER_SELECT, type ChatUser } from "../chat-views";
import { loadConversationSummaries, type ConversationSummary } from "./conversation-summary";
import { getMembershipOrThrow } from "./get-membership-or-throw";

export const GetConversationInput = z.object({ conversationId: z.string().min(1).max(64) });

/** A member with their receipts: my message with seq s is delivered to them when lastDeliveredSeq ≥ s, read when lastReadSeq ≥ s. */
export type ConversationMemberView = {
  user: ChatUser;
  role: ConversationRole;
  lastReadSeq: number;
  lastDeliveredSeq: number;
  joinedAt: Date;
};

export type ConversationDetail = ConversationSummary & { members: ConversationMemberView[] };

/** One conversation with every active member and their receipts; FORBIDDEN for non-members. */
export async function getConversation({ db, userId, conversationId }: { db: Db; userId: string; conversationId: string }): Promise<ConversationDetail> {
  const membership = await getMembershipOrThrow({ db, conversationId, userId });
  const [[summary], members] = await Promise.all([
    loadConversationSummaries({ db, viewerId: userId, memberships: [membership] }),
    db.conversationMember.findMany({
      where: { conversationId, leftAt: null },
      orderBy: { joinedAt: "asc" },
      select: { role: true, lastReadSeq: true, lastDeliveredSeq: true, joinedAt: true, user: { select: CHAT_USER_SELECT } },
    }),
  ]);
  if (!summary) throw new Error(`conversation ${conversationId} vanished`);
  return { ...summary, members };
}
