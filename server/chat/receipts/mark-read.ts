import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { getMembershipOrThrow } from "../conversations/get-membership-or-throw";
import { markConversationNotificationsRead } from "./mark-conversation-notifications-read";
import { publishReceipts, type Receipt } from "./receipts";

export const MarkReadInput = z.object({ conversationId: z.string().min(1).max(64), seq: z.number().int().min(0).max(2_147_483_647) });

/**
 * The caller has seen everything up to `seq` (clamped to lastSeq). Read
 * implies delivered. Marks only move forward; a `receipt` event tells the
 * senders (✓✓ turns blue) when the mark moved, and the reader's notifications
 * about those messages turn read. FORBIDDEN for non-members.
 */
export async function markRead({ db, userId, conversationId, seq }: { db: Db; userId: string; conversationId: string; seq: number }): Promise<Receipt> {
  const rows = await db.$queryRaw<Array<{ lastDeliveredSeq: number; lastReadSeq: number }>>`
    UPDATE "chat_member" m
       SET "lastReadSeq" = LEAST(${seq}::int, c."lastSeq"),
           "lastDeliveredSeq" = GREATEST(m."lastDeliveredSeq", LEAST(${seq}::int, c."lastSeq"))
      FROM "chat_conversation" c
     WHERE c."id" = m."conversationId"
       AND m."conversationId" = ${conversationId} AND m."userId" = ${userId} AND m."leftAt" IS NULL
       AND LEAST(${seq}::int, c."lastSeq") > m."lastReadSeq"
    RETURNING m."lastDeliveredSeq", m."lastReadSeq"`;
  const row = rows[0];
  if (!row) {
    const member = await getMembershipOrThrow({ db, conversationId, userId });
    return { conversationId, userId, lastDeliveredSeq: member.lastDeliveredSeq, lastReadSeq: member.lastReadSeq };
  }
  const receipt: Receipt = { conversationId, userId, lastDeliveredSeq: row.lastDeliveredSeq, lastReadSeq: row.lastReadSeq };
  await publishReceipts([receipt]);
  await markConversationNotificationsRead({ db, userId, conversationId, seq: row.lastReadSeq });
  return receipt;
}
