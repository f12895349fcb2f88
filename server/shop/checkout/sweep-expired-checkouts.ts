import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import type { PaymentGateway } from "@/server/platform/payments/payments";
import { cancelUnpaidOrder } from "../orders/cancel-unpaid-order";

/** Orders handled per sweep; the next sweep takes the rest. */
export const SWEEP_BATCH_SIZE = 100;

export type SweepResult = { cancelled: number; awaitingPayment: number; failed: number };

const log = logger.child({ module: "shop-sweeper" });

/**
 * Gives back stock held by checkouts that were never paid. For each unpaid
 * order past `reservedUntil`, the payment session is expired first: "expired"
 * means nobody can pay it any more, so the order is cancelled and its stock
 * released; "complete" means the buyer paid at the last moment and the
 * completed event is on its way, so the order is left to it. Safe to run from
 * several workers at once: every step is conditional.
 */
export async function sweepExpiredCheckouts({
  db,
  payments,
  now = new Date(),
  batchSize = SWEEP_BATCH_SIZE,
}: {
  db: Db;
  payments: PaymentGateway;
  now?: Date;
  batchSize?: number;
}): Promise<SweepResult> {
  const due = await db.order.findMany({
    where: { status: { in: ["created", "payment_pending"] }, reservedUntil: { lt: now } },
    select: { id: true, checkoutSessionId: true },
    orderBy: { reservedUntil: "asc" },
    take: batchSize,
  });
  const result: SweepResult = { cancelled: 0, awaitingPayment: 0, failed: 0 };
  for (const order of due) {
    try {
      if (order.checkoutSessionId && (await payments.expireCheckoutSession(order.checkoutSessionId)) === "complete") {
        result.awaitingPayment += 1;
        continue;
      }
      if (await cancelUnpaidOrder(db, { orderId: order.id, reason: "The payment was not completed in time." })) result.cancelled += 1;
    } catch (error) {
      // One order the gateway cannot answer for must not hold up the others; the next sweep retries it.
      result.failed += 1;
      log.warn({ orderId: order.id, err: error instanceof Error ? error.message : String(error) }, "could not sweep an expired checkout");
    }
  }
  return result;
}
