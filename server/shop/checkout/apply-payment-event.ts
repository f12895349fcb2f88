import { db, type Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { getPayments } from "@/server/platform/payments";
import { paymentEventMismatches } from "@/server/platform/payments/payment-event-mismatches";
import type { PaymentEvent, PaymentEventHandler, PaymentGateway } from "@/server/platform/payments/payments";
import { redis, type Redis } from "@/server/platform/redis";
import type { CartId } from "../cart/cart-id";
import { clearCart } from "../cart/cart-store";
import { commitStock, restockStock } from "../inventory";
import { cancelUnpaidOrder } from "../orders/cancel-unpaid-order";
import { changeOrderStatus } from "../orders/change-order-status";
import { SHOP_PAYMENT_KIND, shopRefundKey } from "./payment-keys";

type Deps = { db: Db; redis: Redis; payments: PaymentGateway };
type ShopOrder = {
  id: string;
  status: string;
  cartId: string | null;
  checkoutSessionId: string | null;
  paymentIntentId: string | null;
  totalCents: number;
  currency: string;
};

const log = logger.child({ module: "shop-payments" });

/**
 * The checkout saga's second half: what each payment event does to an order
 * (the webhook route calls this for events whose metadata.kind is "shop-order",
 * after verifying and deduplicating them). Every branch is a conditional
 * status change, so a replayed or reordered event finds the order already
 * moved and changes nothing. Before any of that, the event must match the order:
 * a completed or expired event its checkout session, total and currency, a
 * refund its payment, total and currency. Anything else is a forged or
 * misdirected event: logged as a security event, not applied, and acknowledged.
 *
 *   checkout.completed  created|payment_pending → paid: stock committed, cart cleared.
 *                       cancelled → refunded: the money arrived after the order was
 *                       cancelled (session expired, sweeper, buyer). Its stock
 *                       was released at cancellation and never committed, so the
 *                       refund gives the money back and there is nothing to restock.
 *   checkout.expired    created|payment_pending → cancelled: stock released.
 *   payment.failed      nothing: as on Stripe, a declined card leaves the session open for
 *                       another card until it expires, so the order stays payment_pending
 *                       and keeps its stock. Only expiry (the event above, or the sweeper)
 *                       or the buyer's cancel releases it.
 *   refund.succeeded    refunded: nothing. paid|preparing (a refund made outside the
 *                       app, e.g. the Stripe dashboard) → refunded + restock; a late
 *                       payment's refund on a cancelled order → refunded.
 */
export const applyShopPaymentEvent: PaymentEventHandler = (event) => applyEvent({ db, redis, payments: getPayments() }, event);

async function applyEvent(deps: Deps, event: PaymentEvent): Promise<void | "rejected"> {
  const orderId = event.metadata.orderId;
  const order = orderId
    ? await deps.db.order.findUnique({
        where: { id: orderId },
        select: { id: true, status: true, cartId: true, checkoutSessionId: true, paymentIntentId: true, totalCents: true, currency: true },
      })
    : null;
  if (!order) {
    // Acknowledge: redelivering an event about an order that does not exist would never succeed.
    log.warn({ eventId: event.id, type: event.type, orderId }, "payment event for an unknown order ignored");
    return;
  }
  const mismatches = paymentEventMismatches(event, {
    sessionId: order.checkoutSessionId,
    paymentIntentId: order.paymentIntentId,
    amountCents: order.totalCents,
    currency: order.currency,
  });
  if (mismatches.length > 0) {
    log.warn({ event: "security.payment_mismatch", orderId: order.id, eventId: event.id, type: event.type, mismatches }, "payment event does not match its order; not applied");
    return "rejected";
  }
  switch (event.type) {
    case "checkout.completed":
      return applyCompleted(deps, order, event.paymentIntentId);
    case "checkout.expired":
      await cancelUnpaidOrder(deps.db, { orderId: order.id, reason: "The payment was not completed in time." });
      return;
    case "payment.failed":
      log.info({ orderId: order.id, eventId: event.id, message: event.message }, "a payment attempt failed; the checkout stays open for another card");
      return;
    case "refund.succeeded":
      return applyRefunded(deps, order, event.amountRefunded);
  }
}

async function applyCompleted(deps: Deps, order: ShopOrder, paymentIntentId: string): Promise<void> {
  const paid = await changeOrderStatus(deps.db, {
    orderId: order.id,
    from: ["created", "payment_pending"],
    to: "paid",
    data: { paymentIntentId, paidAt: new Date(), cancelReason: null },
    effect: (tx) => commitStock(tx, order.id),
  });
  if (paid) {
    if (order.cartId && isCartId(order.cartId)) await clearCart(deps.redis, order.cartId);
    return;
  }
  const current = await deps.db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } });
  if (current.status !== "cancelled") return;

  await deps.db.order.updateMany({ where: { id: order.id, paymentIntentId: null }, data: { paymentIntentId } });
  await deps.payments.refund({
    paymentIntentId,
    amountCents: order.totalCents,
    idempotencyKey: shopRefundKey(order.id),
    metadata: { kind: SHOP_PAYMENT_KIND, orderId: order.id },
  });
  await changeOrderStatus(deps.db, {
    orderId: order.id,
    from: ["cancelled"],
    to: "refunded",
    note: "The payment arrived after the order was cancelled, so it was refunded in full.",
  });
}

async function applyRefunded(deps: Deps, order: ShopOrder, amountRefunded: number): Promise<void> {
  if (order.status === "cancelled" && order.paymentIntentId) {
    await changeOrderStatus(deps.db, { orderId: order.id, from: ["cancelled"], to: "refunded", note: "The late payment was refunded in full." });
    return;
  }
  // Partial refunds (made outside the app) leave the order as it is.
  if ((order.status === "paid" || order.status === "preparing") && amountRefunded >= order.totalCents) {
    await changeOrderStatus(deps.db, {
      orderId: order.id,
      from: ["paid", "preparing"],
      to: "refunded",
      note: "Refunded in full.",
      effect: (tx) => restockStock(tx, order.id),
    });
  }
}

function isCartId(value: string): value is CartId {
  return value.startsWith("user:") || value.startsWith("guest:");
}
