import { Queue } from "bullmq";
import Stripe from "stripe";
import { afterAll, describe, expect, it } from "vitest";
import { POST as postStripeWebhook } from "@/app/api/webhooks/stripe/route";
import type { SimulatedCheckoutSession } from "@/server/generated/prisma/client";
import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { handlePaymentWebhook, toPaymentEvent } from "@/server/platform/payments/handle-payment-webhook";
import type { PaymentEvent } from "@/server/platform/payments/payments";
import { paySimulatedSession } from "@/server/platform/payments/simulator/pay-simulated-session";
import { createSimulatorGateway } from "@/server/platform/payments/simulator/simulator-gateway";
import {
  chargeRefundedEvent,
  checkoutCompletedEvent,
  checkoutExpiredEvent,
  stripeId,
  type StripeEventJson,
} from "@/server/platform/payments/simulator/stripe-objects";
import { JOB_PREFIX } from "@/server/platform/queue";
import { redis } from "@/server/platform/redis";
import { userCartId } from "../cart/cart-id";
import { readCartLines } from "../cart/cart-store";
import { cancelUnpaidOrder } from "../orders/cancel-unpaid-order";
import { TEST_ADDRESS, createTestBuyer, createTestProduct, fillCart, shopCaller, stockOf } from "../orders/orders-test-kit";
import { applyShopPaymentEvent } from "./apply-payment-event";

/**
 * The checkout saga against the real simulator: sessions are paid, declined,
 * expired and refunded by the simulator's own code, and its Stripe-format
 * events reach the handler through the webhook path (signature, parsing,
 * dedupe). Replays then call the handler directly, past the dedupe, to show the
 * handler itself is idempotent.
 */
const notifications = new Queue("send-notification", { connection: redis, prefix: JOB_PREFIX });
let captured: StripeEventJson[] = [];
// The simulator with its events kept here instead of queued for the worker.
const simulator = createSimulatorGateway({ db, deliver: async (event) => void captured.push(event) });
const VISA = { number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" };
const DECLINED = { number: "4000 0000 0000 0002", expiry: "12 / 34", cvc: "123" };

afterAll(async () => {
  await notifications.close();
  redis.disconnect();
  await db.$disconnect();
});

function signed(event: StripeEventJson) {
  const rawBody = JSON.stringify(event);
  return { rawBody, signature: Stripe.webhooks.generateTestHeaderString({ payload: rawBody, secret: env.STRIPE_WEBHOOK_SECRET }) };
}

/** What the webhook route does with a delivery. */
function deliver(event: StripeEventJson) {
  return handlePaymentWebhook({ db, ...signed(event), handlers: { "shop-order": applyShopPaymentEvent } });
}

/** The same event as the handler receives it, for replays that skip the webhook's dedupe. */
function asPaymentEvent(event: StripeEventJson): PaymentEvent {
  const { rawBody, signature } = signed(event);
  const parsed = toPaymentEvent(Stripe.webhooks.constructEvent(rawBody, signature, env.STRIPE_WEBHOOK_SECRET));
  if (!parsed) throw new Error(`${event.type} is not a payment event`);
  return parsed;
}

function takeCaptured(): StripeEventJson[] {
  const events = captured;
  captured = [];
  return events;
}

async function checkedOut({ onHand = 5, quantity = 2, priceCents = 1_500 } = {}) {
  const product = await createTestProduct(db, { onHand, priceCents });
  const user = await createTestBuyer(db);
  await fillCart(userCartId(user.id), [{ productId: product.id, quantity }]);
  const { orderId } = await shopCaller({ user }).shop.checkout.start({ shippingAddress: TEST_ADDRESS });
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  return { product, user, order, sessionId: order.checkoutSessionId ?? "" };
}

async function pay(sessionId: string, card = VISA) {
  const result = await paySimulatedSession({ db, deliver: async (event) => void captured.push(event), sessionId, card });
  return { result, events: takeCaptured() };
}

/** Everything a replay could change: the order row, its timeline, its reservations and the product's stock. */
async function snapshot(orderId: string, productId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { events: true, reservations: true } });
  const refunds = await db.simulatedRefund.count({ where: { idempotencyKey: `shop-order-${orderId}-refund` } });
  return { order, refunds, stock: await stockOf(db, productId) };
}

async function replayThrice(event: StripeEventJson) {
  for (let round = 0; round < 3; round++) await applyShopPaymentEvent(asPaymentEvent(event));
}

describe("shop payment events", () => {
  it("pays the order: stock committed, cart cleared, buyer notified; replays change nothing", async () => {
    const { product, user, order, sessionId } = await checkedOut({ onHand: 5, quantity: 2 });
    const { result, events } = await pay(sessionId);
    expect(result).toMatchObject({ outcome: "succeeded", redirectUrl: expect.stringContaining(`/shop/orders/${order.id}?checkout=success`) });
    expect(events.map((event) => event.type)).toEqual(["checkout.session.completed"]);
    expect(await deliver(events[0] as StripeEventJson)).toMatchObject({ result: "applied" });

    const session = await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: sessionId } });
    const paid = await snapshot(order.id, product.id);
    expect(paid.order).toMatchObject({ status: "paid", paymentIntentId: session.paymentIntentId, cancelReason: null });
    expect(paid.order.paidAt).toBeInstanceOf(Date);
    expect(paid.order.events.map((event) => event.status)).toEqual(["created", "payment_pending", "paid"]);
    expect(paid.order.reservations.map((reservation) => reservation.status)).toEqual(["committed"]);
    expect(paid.stock).toEqual({ onHand: 3, reserved: 0, available: 3 });
    expect(await readCartLines(redis, userCartId(user.id))).toEqual([]);
    const job = await notifications.getJob(`shop-order-${order.id}-paid`);
    expect(job?.data).toEqual({ userId: user.id, kind: "shop.order-status", payload: { orderId: order.id, number: order.number, status: "paid", href: `/shop/orders/${order.id}` } });

    expect(await deliver(events[0] as StripeEventJson)).toMatchObject({ result: "duplicate" });
    await replayThrice(events[0] as StripeEventJson);
    expect(await snapshot(order.id, product.id)).toEqual(paid);
  });

  it("a declined card leaves the order pending with its stock held, and another card then pays it", async () => {
    const { product, order, sessionId } = await checkedOut({ onHand: 4, quantity: 4 });
    const pending = await snapshot(order.id, product.id);
    expect(pending.stock).toMatchObject({ available: 0 });
    const { result, events } = await pay(sessionId, DECLINED);
    expect(result).toMatchObject({ outcome: "declined", message: "Your card was declined." });
    expect(events.map((event) => event.type)).toEqual(["payment_intent.payment_failed"]);
    expect(await deliver(events[0] as StripeEventJson)).toMatchObject({ result: "applied" });

    // As on Stripe, the session stays open for another card: nothing about the order moved.
    expect(await snapshot(order.id, product.id)).toEqual(pending);
    expect(await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ status: "open" });
    await replayThrice(events[0] as StripeEventJson);
    expect(await snapshot(order.id, product.id)).toEqual(pending);

    const retry = await pay(sessionId);
    expect(retry.result).toMatchObject({ outcome: "succeeded" });
    await deliver(retry.events[0] as StripeEventJson);
    const paid = await snapshot(order.id, product.id);
    expect(paid.order.status).toBe("paid");
    expect(paid.order.events.map((event) => event.status)).toEqual(["created", "payment_pending", "paid"]);
    expect(paid.stock).toEqual({ onHand: 0, reserved: 0, available: 0 });
  });

  it("an expired session cancels the order and releases the stock", async () => {
    const { product, order, sessionId } = await checkedOut({ onHand: 3, quantity: 1 });
    expect(await simulator.expireCheckoutSession(sessionId)).toBe("expired");
    const [expired] = takeCaptured();
    expect(expired?.type).toBe("checkout.session.expired");
    await deliver(expired as StripeEventJson);

    const cancelled = await snapshot(order.id, product.id);
    expect(cancelled.order).toMatchObject({ status: "cancelled", cancelReason: "The payment was not completed in time." });
    expect(cancelled.stock).toEqual({ onHand: 3, reserved: 0, available: 3 });
    await replayThrice(expired as StripeEventJson);
    expect(await snapshot(order.id, product.id)).toEqual(cancelled);
  });

  it("refunds a payment that completes after the order was cancelled, without touching stock twice", async () => {
    const { product, order, sessionId } = await checkedOut({ onHand: 6, quantity: 2, priceCents: 2_000 });
    const { events } = await pay(sessionId);
    // The order was cancelled (and its stock released) before the completed event arrived.
    await cancelUnpaidOrder(db, { orderId: order.id, reason: "The payment was not completed in time." });
    expect(await stockOf(db, product.id)).toEqual({ onHand: 6, reserved: 0, available: 6 });
    await deliver(events[0] as StripeEventJson);

    const refunded = await snapshot(order.id, product.id);
    expect(refunded.order.status).toBe("refunded");
    expect(refunded.order.events.map((event) => event.status)).toEqual(["created", "payment_pending", "cancelled", "refunded"]);
    expect(refunded.refunds).toBe(1);
    const refund = await db.simulatedRefund.findUniqueOrThrow({ where: { idempotencyKey: `shop-order-${order.id}-refund` } });
    expect(refund.amount).toBe(order.totalCents);
    // The stock was given back once, at cancellation; the late payment never took it.
    expect(refunded.stock).toEqual({ onHand: 6, reserved: 0, available: 6 });

    await replayThrice(events[0] as StripeEventJson);
    expect(await snapshot(order.id, product.id)).toEqual(refunded);
    // The refund's own event finds the order already refunded.
    const session = await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: sessionId } });
    await replayThrice(chargeRefundedEvent(session, { id: refund.id, amountRefunded: refund.amount }));
    expect(await snapshot(order.id, product.id)).toEqual(refunded);
  });

  it("a full refund made outside the shop marks a paid order refunded and restocks it once", async () => {
    const { product, order, sessionId } = await checkedOut({ onHand: 5, quantity: 2 });
    const { events } = await pay(sessionId);
    await deliver(events[0] as StripeEventJson);
    expect(await stockOf(db, product.id)).toEqual({ onHand: 3, reserved: 0, available: 3 });

    const session = await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: sessionId } });
    await simulator.refund({ paymentIntentId: session.paymentIntentId, amountCents: order.totalCents, idempotencyKey: `dashboard-${order.id}`, metadata: { kind: "shop-order", orderId: order.id } });
    const [refundEvent] = takeCaptured();
    await deliver(refundEvent as StripeEventJson);

    const refunded = await snapshot(order.id, product.id);
    expect(refunded.order.status).toBe("refunded");
    expect(refunded.order.reservations.map((reservation) => reservation.status)).toEqual(["released"]);
    expect(refunded.stock).toEqual({ onHand: 5, reserved: 0, available: 5 });
    await replayThrice(refundEvent as StripeEventJson);
    expect(await snapshot(order.id, product.id)).toEqual(refunded);
  });

  it("acknowledges events about orders it does not know", async () => {
    await expect(
      applyShopPaymentEvent({ id: "evt_unknown", type: "checkout.expired", sessionId: "cs_test_unknown", amountTotal: 100, currency: "usd", metadata: { kind: "shop-order", orderId: "no-such-order" } }),
    ).resolves.toBeUndefined();
  });
});

/**
 * Issue 11: anyone holding the webhook secret (or a leaked one) can sign any
 * event, so a valid signature must not be enough. Each forgery below is signed
 * correctly and posted to the webhook route; it must leave the order exactly as
 * it was, be answered 200 (so Stripe would not retry it), and not stop the
 * genuine event from being applied afterwards.
 */
describe("correctly signed payment events that do not match their order", () => {
  async function postToRoute(event: StripeEventJson) {
    const { rawBody, signature } = signed(event);
    const response = await postStripeWebhook(
      new Request("http://localhost/api/webhooks/stripe", { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: rawBody }),
    );
    return { status: response.status, body: (await response.json()) as { result?: string } };
  }

  /** The simulator's own event for the order's session, with the forger's changes to the session object. */
  function forged(build: (session: SimulatedCheckoutSession) => StripeEventJson, session: SimulatedCheckoutSession, changes: Record<string, unknown>): StripeEventJson {
    const event = build(session);
    return { ...event, data: { object: { ...event.data.object, ...changes } } };
  }

  async function pendingOrder() {
    const checkout = await checkedOut({ onHand: 3, quantity: 1, priceCents: 2_500 });
    const session = await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: checkout.sessionId } });
    return { ...checkout, session };
  }

  const paidSession = (session: SimulatedCheckoutSession) => ({ ...session, status: "complete" as const, paymentStatus: "paid" as const });

  it.each([
    ["another session's id", () => ({ id: stripeId("cs_test", 58) })],
    ["amount_total 1", () => ({ amount_total: 1 })],
    ["another currency", () => ({ currency: "eur" })],
  ])("checkout.session.completed with %s leaves the order unpaid; the genuine event then pays it", async (_, changes) => {
    const { product, order, session } = await pendingOrder();
    const before = await snapshot(order.id, product.id);
    const forgery = forged((row) => checkoutCompletedEvent(paidSession(row)), session, changes());

    expect(await postToRoute(forgery)).toMatchObject({ status: 200, body: { result: "rejected" } });
    expect(await snapshot(order.id, product.id)).toEqual(before);
    expect(before.order.status).toBe("payment_pending");

    // The genuine event may carry the same event id as a forgery: it is applied all the same.
    const { events } = await pay(session.id);
    expect(await postToRoute(events[0] as StripeEventJson)).toMatchObject({ status: 200, body: { result: "applied" } });
    expect(await snapshot(order.id, product.id)).toMatchObject({ order: { status: "paid" }, stock: { onHand: 2, reserved: 0 } });
  });

  it("checkout.session.expired for another session keeps the order and its held stock", async () => {
    const { product, order, session } = await pendingOrder();
    const before = await snapshot(order.id, product.id);
    const forgery = forged((row) => checkoutExpiredEvent({ ...row, status: "expired" }), session, { id: stripeId("cs_test", 58) });

    expect(await postToRoute(forgery)).toMatchObject({ status: 200, body: { result: "rejected" } });
    expect(await snapshot(order.id, product.id)).toEqual(before);
    expect(before.stock).toMatchObject({ reserved: 1 });
  });

  it("charge.refunded for another payment, or for 1 cent of it, keeps a paid order paid and its stock sold", async () => {
    const { product, order, session } = await pendingOrder();
    await postToRoute((await pay(session.id)).events[0] as StripeEventJson);
    const paid = await snapshot(order.id, product.id);
    expect(paid.order.status).toBe("paid");
    const refund = { id: stripeId("re"), amountRefunded: order.totalCents };
    const paidRow = await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: session.id } });

    for (const changes of [{ payment_intent: stripeId("pi") }, { amount: 1, amount_refunded: 1 }, { currency: "eur" }]) {
      const forgery = forged((row) => chargeRefundedEvent(row, refund), paidRow, changes);
      expect(await postToRoute({ ...forgery, id: stripeId("evt") })).toMatchObject({ status: 200, body: { result: "rejected" } });
    }
    expect(await snapshot(order.id, product.id)).toEqual(paid);
  });
});
