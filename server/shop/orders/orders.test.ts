import { afterAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { paySimulatedSession } from "@/server/platform/payments/simulator/pay-simulated-session";
import { redis } from "@/server/platform/redis";
import { userCartId } from "../cart/cart-id";
import { clearCart } from "../cart/cart-store";
import { applyShopPaymentEvent } from "../checkout/apply-payment-event";
import { TEST_ADDRESS, createTestBuyer, createTestProduct, fillCart, shopCaller, stockOf } from "./orders-test-kit";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const VISA = { number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" };

async function placeOrder(buyer?: SessionUser, { onHand = 5, quantity = 2 } = {}) {
  const user = buyer ?? (await createTestBuyer(db));
  const product = await createTestProduct(db, { onHand, priceCents: 2_000 });
  // Unpaid orders leave the cart as it was: start each order from an empty one.
  await clearCart(redis, userCartId(user.id));
  await fillCart(userCartId(user.id), [{ productId: product.id, quantity }]);
  const caller = shopCaller({ user });
  const { orderId } = await caller.shop.checkout.start({ shippingAddress: TEST_ADDRESS });
  return { user, caller, product, orderId };
}

/** Pays the order's session on the simulator and applies the completed event, as the webhook route would. */
async function payOrder(orderId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  await paySimulatedSession({ db, deliver: async () => undefined, sessionId: order.checkoutSessionId ?? "", card: VISA });
  const session = await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: order.checkoutSessionId ?? "" } });
  await applyShopPaymentEvent({
    id: `evt_${orderId}`,
    type: "checkout.completed",
    sessionId: session.id,
    paymentIntentId: session.paymentIntentId,
    amountTotal: session.amountTotal,
    currency: session.currency,
    metadata: { kind: "shop-order", orderId },
  });
}

describe("orders", () => {
  it("lists the buyer's own orders, newest first, a page at a time", async () => {
    const user = await createTestBuyer(db);
    const placed = [];
    for (let index = 0; index < 3; index++) placed.push((await placeOrder(user, { quantity: 1 })).orderId);
    await placeOrder();
    const caller = shopCaller({ user });

    const first = await caller.shop.orders.list({ limit: 2 });
    expect(first.items.map((order) => order.id)).toEqual([placed[2], placed[1]]);
    expect(first.items[0]).toMatchObject({ status: "payment_pending", itemCount: 1, totalCents: 2_000 + 499, currency: "usd" });
    const second = await caller.shop.orders.list({ limit: 2, cursor: first.nextCursor });
    expect(second).toEqual({ items: [expect.objectContaining({ id: placed[0] })], nextCursor: null });

    await expect(shopCaller({}).shop.orders.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("shows an order to its buyer and an admin, and to nobody else", async () => {
    const { caller, orderId } = await placeOrder();
    const view = await caller.shop.orders.get({ orderId });
    expect(view).toMatchObject({
      id: orderId,
      status: "payment_pending",
      subtotalCents: 4_000,
      shippingCents: 499,
      totalCents: 4_499,
      shippingAddress: TEST_ADDRESS,
      canCancel: true,
      guest: false,
      items: [expect.objectContaining({ quantity: 2, unitPriceCents: 2_000, lineTotalCents: 4_000 })],
      timeline: [expect.objectContaining({ status: "created" }), expect.objectContaining({ status: "payment_pending" })],
    });

    const admin = shopCaller({ user: await createTestBuyer(db, "admin") });
    expect(await admin.shop.orders.get({ orderId })).toMatchObject({ id: orderId });
    const stranger = shopCaller({ user: await createTestBuyer(db) });
    await expect(stranger.shop.orders.get({ orderId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.shop.orders.cancel({ orderId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(shopCaller({}).shop.orders.get({ orderId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.shop.orders.get({ orderId: "no-such-order" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("cancels an unpaid order: session expired, stock released, the session can no longer be paid", async () => {
    const { caller, product, orderId } = await placeOrder(undefined, { onHand: 2, quantity: 2 });
    const cancelled = await caller.shop.orders.cancel({ orderId });
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "Cancelled by the buyer.", canCancel: false });
    expect(await stockOf(db, product.id)).toEqual({ onHand: 2, reserved: 0, available: 2 });
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: order.checkoutSessionId ?? "" } })).toMatchObject({ status: "expired" });
    // Cancelling again is harmless.
    expect(await caller.shop.orders.cancel({ orderId })).toMatchObject({ status: "cancelled" });
    expect((await caller.shop.orders.get({ orderId })).timeline.map((entry) => entry.status)).toEqual(["created", "payment_pending", "cancelled"]);
  });

  it("cancels a paid or preparing order with a full refund and puts the stock back", async () => {
    for (const stage of ["paid", "preparing"] as const) {
      const { caller, product, orderId } = await placeOrder(undefined, { onHand: 5, quantity: 2 });
      await payOrder(orderId);
      if (stage === "preparing") await shopCaller({ user: await createTestBuyer(db, "admin") }).shop.adminOrders.advance({ orderId, to: "preparing" });
      expect(await stockOf(db, product.id)).toEqual({ onHand: 3, reserved: 0, available: 3 });

      const view = await caller.shop.orders.cancel({ orderId });
      expect(view).toMatchObject({ status: "refunded", cancelReason: "Cancelled by the buyer." });
      expect(await stockOf(db, product.id)).toEqual({ onHand: 5, reserved: 0, available: 5 });
      const refunds = await db.simulatedRefund.findMany({ where: { idempotencyKey: `shop-order-${orderId}-refund` } });
      expect(refunds.map((refund) => refund.amount)).toEqual([view.totalCents]);

      expect(await caller.shop.orders.cancel({ orderId })).toMatchObject({ status: "refunded" });
      expect(await stockOf(db, product.id)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    }
  });

  it("takes an order through fulfilment: paid → preparing → shipped (tracking) → delivered", async () => {
    const { caller, orderId } = await placeOrder();
    const admin = shopCaller({ user: await createTestBuyer(db, "admin") });
    await expect(admin.shop.adminOrders.advance({ orderId, to: "preparing" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("is payment pending") });
    await payOrder(orderId);

    await expect(admin.shop.adminOrders.advance({ orderId, to: "shipped", trackingNumber: "1Z999AA10123456784" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await admin.shop.adminOrders.advance({ orderId, to: "preparing" })).toMatchObject({ status: "preparing" });
    // A second click on the same button changes nothing.
    expect(await admin.shop.adminOrders.advance({ orderId, to: "preparing" })).toMatchObject({ status: "preparing" });

    await expect(admin.shop.adminOrders.advance({ orderId, to: "shipped", trackingNumber: "ab" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.shop.adminOrders.advance({ orderId, to: "shipped", trackingNumber: "x".repeat(65) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.shop.adminOrders.advance({ orderId, to: "shipped" } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await admin.shop.adminOrders.advance({ orderId, to: "shipped", trackingNumber: " 1Z999AA10123456784 " })).toMatchObject({ status: "shipped", trackingNumber: "1Z999AA10123456784" });

    await expect(caller.shop.orders.cancel({ orderId })).rejects.toMatchObject({ code: "CONFLICT", message: "This order has already shipped, so it can no longer be cancelled." });
    const delivered = await admin.shop.adminOrders.advance({ orderId, to: "delivered" });
    expect(delivered.timeline.map((entry) => [entry.status, entry.note])).toEqual([
      ["created", null],
      ["payment_pending", null],
      ["paid", null],
      ["preparing", "We are packing your order."],
      ["shipped", "Shipped with tracking number 1Z999AA10123456784."],
      ["delivered", "Delivered."],
    ]);
    await expect(caller.shop.orders.cancel({ orderId })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin.shop.adminOrders.advance({ orderId, to: "preparing" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets only admins list and advance every order", async () => {
    const { caller, orderId } = await placeOrder();
    await payOrder(orderId);
    await expect(caller.shop.adminOrders.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.shop.adminOrders.advance({ orderId, to: "preparing" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(shopCaller({}).shop.adminOrders.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const admin = shopCaller({ user: await createTestBuyer(db, "admin") });
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    const paid = await admin.shop.adminOrders.list({ status: "paid", limit: 50 });
    expect(paid.items.every((item) => item.status === "paid")).toBe(true);
    expect(paid.items.map((item) => item.id)).toContain(orderId);
    expect((await admin.shop.adminOrders.list({ search: `#${order.number}` })).items.map((item) => item.id)).toEqual([orderId]);
    expect((await admin.shop.adminOrders.list({ search: order.email.toUpperCase() })).items.map((item) => item.id)).toEqual([orderId]);
    expect((await admin.shop.adminOrders.list({ status: "delivered", search: order.email })).items).toEqual([]);
  });
});
