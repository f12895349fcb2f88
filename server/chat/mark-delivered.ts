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

  const moved = await Promise.all(
    [...highest].map(async ([conversationId, seq]) => {
      const rows = await db.$queryRaw<Array<{ lastDeliveredSeq: number; lastReadSeq: number }>>`
        UPDATE "chat_member" m
           SET "lastDeliveredSeq" = LEAST(${seq}::int, c."lastSeq")
          FROM "chat_conversation" c
         WHERE c."id" = m."conversationId"
           AND m."conversationId" = ${conversationId} AND m."userId" = ${userId} AND m."leftAt" IS NULL
           AND LEAST(${seq}::int, c."lastSeq") > m."lastDeliveredSeq"
        RETURNING m."lastDeliveredSeq", m."lastReadSeq"`;
      const row = rows[0];
      return row ? [{ conversationId, userId, lastDeliveredSeq: row.lastDeliveredSeq, lastReadSeq: row.lastReadSeq }] : [];
    }),
  );
  const receipts = moved.flat();
  await publishReceipts(receipts);
  return { receipts };
}
