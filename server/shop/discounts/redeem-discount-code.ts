import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * Counts one use of a code, inside the transaction that writes the order. The
 * UPDATE is conditional on the count being under the limit and the code not
 * expired, so of two buyers racing for the last use exactly one gets a row:
 * the other's order rolls back with a clear message. Postgres re-checks the
 * WHERE clause on the row it locked, which is what makes it safe.
 */
export async function redeemDiscountCode(tx: Tx, { codeId, code, now }: { codeId: string; code: string; now: Date }): Promise<void> {
  const counted = await tx.$executeRaw`
    UPDATE "shop_discount_code"
       SET "timesUsed" = "timesUsed" + 1
     WHERE "id" = ${codeId}
       AND ("usageLimit" IS NULL OR "timesUsed" < "usageLimit")
       AND ("expiresAt" IS NULL OR "expiresAt" > ${now})`;
  if (counted === 0) throw new AppError("CONFLICT", `The code ${code} has just been used up or has expired.`, { field: "discountCode" });
}

/**
 * An unpaid order was cancelled: its use of the code is given back. Called in
 * the cancelling status change's transaction, which runs once per order, so
 * the use is never returned twice.
 */
export function releaseDiscountCode(tx: Tx, orderId: string): Promise<number> {
  return tx.$executeRaw`
    UPDATE "shop_discount_code" d
       SET "timesUsed" = d."timesUsed" - 1
      FROM "shop_order" o
     WHERE o."id" = ${orderId} AND d."id" = o."discountCodeId" AND d."timesUsed" > 0`;
}
