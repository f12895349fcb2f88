import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { publishReceipts, type Receipt } from "./receipts";

export const MarkDeliveredInput = z.object({
  items: z
    .array(z.object({ conversationId: z.string().min(1).max(64), seq: z.number().int().min(0).max(2_147_483_647) }))
    .min(1)
    .max(100),
});

/**
 * Delivery acks, batched: the client reports the highest seq it holds per
 * conversation (it may send a conversation twice; the highest wins). The
 * stored mark only moves forward and never past the conversation's lastSeq.
 * Conversations the caller is not in are skipped. Receipts go out only for
 * marks that moved.
 */
export async function markDelivered({ db, userId, items }: { db: Db; userId: string; items: Array<{ conversationId: string; seq: number }> }): Promise<{ receipts: Receipt[] }> {
  const highest = new Map<string, number>();
  for (const { conversationId, seq } of items) highest.set(conversationId, Math.max(seq, highest.get(conversationId) ?? 0));

  // One statement for the whole batch, however many conversations it names: acks arrive from every open tab.
  const conversationIds = [...highest.keys()];
  const seqs = conversationIds.map((conversationId) => highest.get(conversationId) ?? 0);
  const rows = await db.$queryRaw<Array<{ conversationId: string; lastDeliveredSeq: number; lastReadSeq: number }>>`
    UPDATE "chat_member" m
       SET "lastDeliveredSeq" = LEAST(i."seq", c."lastSeq")
      FROM unnest(${conversationIds}::text[], ${seqs}::int[]) AS i("conversationId", "seq")
      JOIN "chat_conversation" c ON c."id" = i."conversationId"
     WHERE m."conversationId" = i."conversationId" AND m."userId" = ${userId} AND m."leftAt" IS NULL
       AND LEAST(i."seq", c."lastSeq") > m."lastDeliveredSeq"
    RETURNING m."conversationId", m."lastDeliveredSeq", m."lastReadSeq"`;
  const receipts: Receipt[] = rows.map((row) => ({ conversationId: row.conversationId, userId, lastDeliveredSeq: row.lastDeliveredSeq, lastReadSeq: row.lastReadSeq }));
  await publishReceipts(receipts);
  return { receipts };
}
