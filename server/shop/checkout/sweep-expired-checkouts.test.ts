import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { getPayments } from "@/server/platform/payments";
import { paySimulatedSession } from "@/server/platform/payments/simulator/pay-simulated-session";
import { redis } from "@/server/platform/redis";
import { userCartId } from "../cart/cart-id";
import { TEST_ADDRESS, createTestBuyer, createTestProduct, fillCart, shopCaller, stockOf } from "../orders/orders-test-kit";
import { startCheckoutSweeper } from "./checkout-sweeper";
import { sweepExpiredCheckouts } from "./sweep-expired-checkouts";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const VISA = { number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" };

async function checkedOut(onHand: number, quantity: number) {
  const product = await createTestProduct(db, { onHand });
  const user = await createTestBuyer(db);
  await fillCart(userCartId(user.id), [{ productId: product.id, quantity }]);
  const { orderId } = await shopCaller({ user }).shop.checkout.start({ shippingAddress: TEST_ADDRESS });
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  return { product, orderId, sessionId: order.checkoutSessionId ?? "" };
}

describe("expired checkout sweeper", () => {
  it("expires unpaid checkouts past their hold and releases the stock; leaves paid and fresh ones alone", async () => {
    const stale = await checkedOut(3, 3);
    const paidLate = await checkedOut(2, 1);
    const fresh = await checkedOut(4, 2);
    // The buyer paid in the last moment; the completed event has not arrived yet.
    await paySimulatedSession({ db, deliver: async () => undefined, sessionId: paidLate.sessionId, card: VISA });

    // Their hold ran out (moved into the past rather than the clock forward, so orders of tests running alongside stay untouched).
    const lapsed = new Date(Date.now() - 1_000);
    await db.order.updateMany({ where: { id: { in: [stale.orderId, paidLate.orderId] } }, data: { reservedUntil: lapsed } });
    expect((await db.order.findUniqueOrThrow({ where: { id: fresh.orderId } })).reservedUntil?.getTime()).toBeGreaterThan(Date.now() + (env.SHOP_CHECKOUT_MINUTES - 1) * 60_000);

    const first = await sweepExpiredCheckouts({ db, payments: getPayments() });
    expect(first.cancelled).toBeGreaterThanOrEqual(1);
    expect(first.awaitingPayment).toBeGreaterThanOrEqual(1);
    expect(first.failed).toBe(0);

    expect(await db.order.findUniqueOrThrow({ where: { id: stale.orderId } })).toMatchObject({ status: "cancelled", cancelReason: "The payment was not completed in time." });
    expect(await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: stale.sessionId } })).toMatchObject({ status: "expired" });
    expect(await stockOf(db, stale.product.id)).toEqual({ onHand: 3, reserved: 0, available: 3 });

    expect(await db.order.findUniqueOrThrow({ where: { id: paidLate.orderId } })).toMatchObject({ status: "payment_pending" });
    expect(await stockOf(db, paidLate.product.id)).toEqual({ onHand: 2, reserved: 1, available: 1 });
    expect(await db.order.findUniqueOrThrow({ where: { id: fresh.orderId } })).toMatchObject({ status: "payment_pending" });
    expect(await stockOf(db, fresh.product.id)).toEqual({ onHand: 4, reserved: 2, available: 2 });

    // A second sweep (or a second worker) finds nothing more to do for these.
    await sweepExpiredCheckouts({ db, payments: getPayments() });
    expect(await stockOf(db, stale.product.id)).toEqual({ onHand: 3, reserved: 0, available: 3 });
    expect((await db.order.findUniqueOrThrow({ where: { id: stale.orderId }, include: { events: true } })).events.map((event) => event.status)).toEqual([
      "created",
      "payment_pending",
      "cancelled",
    ]);
  });

  it("cancels an order whose payment session was never opened", async () => {
    const product = await createTestProduct(db, { onHand: 2 });
    const user = await createTestBuyer(db);
    // What a crash between writing the order and opening its session leaves behind.
    const order = await db.order.create({
      data: {
        userId: user.id,
        email: user.email,
        currency: "usd",
        subtotalCents: 1_000,
        shippingCents: 0,
        totalCents: 1_000,
        shippingAddress: TEST_ADDRESS,
        reservedUntil: new Date(Date.now() - 1_000),
        reservations: { create: { productId: product.id, quantity: 2, expiresAt: new Date(Date.now() - 1_000) } },
      },
    });
    await db.product.update({ where: { id: product.id }, data: { reserved: 2 } });

    await sweepExpiredCheckouts({ db, payments: getPayments() });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "cancelled" });
    expect(await stockOf(db, product.id)).toEqual({ onHand: 2, reserved: 0, available: 2 });
  });

  it("runs in the worker: a sweep at start, then one per interval, stopping cleanly", async () => {
    const stale = await checkedOut(2, 2);
    await db.order.update({ where: { id: stale.orderId }, data: { reservedUntil: new Date(Date.now() - 1_000) } });
    const stop = startCheckoutSweeper({ redis, workerId: "sweeper-test" });
    try {
      await expect.poll(async () => (await db.order.findUniqueOrThrow({ where: { id: stale.orderId } })).status, { timeout: 10_000 }).toBe("cancelled");
    } finally {
      await stop();
    }
    expect(await stockOf(db, stale.product.id)).toEqual({ onHand: 2, reserved: 0, available: 2 });
  });
});
