import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import type { PaymentGateway } from "@/server/platform/payments/payments";
import { SHOP_PAYMENT_KIND, shopRefundKey } from "../checkout/payment-keys";
import { restockStock } from "../inventory";
import { cancelUnpaidOrder } from "./cancel-unpaid-order";
import { changeOrderStatus } from "./change-order-status";
import { getViewableOrderOrThrow, type OrderViewer } from "./get-viewable-order-or-throw";
import { toOrderView, type OrderView } from "./order-view";

const log = logger.child({ module: "shop-orders" });

/**
 * Cancels an order before it ships.
 *   payment_pending: the payment session is expired first (so it cannot be paid
 *     afterwards), then the order is cancelled and its stock released. If the
 *     session turns out to be paid already, the buyer is told to wait for it.
 *   paid, preparing: a full refund (idempotency key per order, so a retried
 *     cancel never refunds twice), then refunded + restocked in one transaction.
 *     A free order (total 0, complete-free-order.ts) has no payment: it is
 *     cancelled and restocked.
 *   shipped, delivered: refused. cancelled, refunded: nothing to do.
 */
export async function cancelOrder({ db, payments, orderId, viewer }: { db: Db; payments: PaymentGateway; orderId: string; viewer: OrderViewer }): Promise<OrderView> {
  const order = await getViewableOrderOrThrow(db, { orderId, viewer });
  const byBuyer = viewer.user ? viewer.user.id === order.userId : true;
  const who = byBuyer ? "the buyer" : "the shop";

  switch (order.status) {
    case "created":
    case "payment_pending": {
      if (order.checkoutSessionId && (await payments.expireCheckoutSession(order.checkoutSessionId)) === "complete") {
        throw new AppError("CONFLICT", "The payment for this order has just gone through. Wait a moment for it to show as paid, then cancel again for a full refund.");
      }
      await cancelUnpaidOrder(db, { orderId, reason: `Cancelled by ${who}.` });
      break;
    }
    case "paid":
    case "preparing": {
      if (order.totalCents === 0 && !order.paymentIntentId) {
        await changeOrderStatus(db, {
          orderId,
          from: ["paid", "preparing"],
          to: "cancelled",
          note: `Cancelled by ${who}. Nothing was charged.`,
          data: { cancelReason: `Cancelled by ${who}.` },
          effect: (tx) => restockStock(tx, orderId),
        });
        break;
      }
      if (!order.paymentIntentId) throw new AppError("CONFLICT", "This order has no payment on record to refund. Please contact support.");
      await payments.refund({
        paymentIntentId: order.paymentIntentId,
        amountCents: order.totalCents,
        idempotencyKey: shopRefundKey(orderId),
        metadata: { kind: SHOP_PAYMENT_KIND, orderId },
      });
      const refunded = await changeOrderStatus(db, {
        orderId,
        from: ["paid", "preparing"],
        to: "refunded",
        note: `Cancelled by ${who} and refunded in full.`,
        data: { cancelReason: `Cancelled by ${who}.` },
        effect: (tx) => restockStock(tx, orderId),
      });
      if (!refunded) {
        const current = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } });
        // Shipping won the race after the refund went out: a person has to sort this one out.
        if (current.status !== "refunded") log.error({ orderId, status: current.status }, "order refunded but moved on before it could be cancelled");
      }
      break;
    }
    case "shipped":
    case "delivered":
      throw new AppError("CONFLICT", "This order has already shipped, so it can no longer be cancelled.");
    case "cancelled":
    case "refunded":
      break;
  }
  return toOrderView(await getViewableOrderOrThrow(db, { orderId, viewer }));
}
