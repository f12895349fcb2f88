import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { getPayments } from "@/server/platform/payments";
import type { PaymentGateway } from "@/server/platform/payments/payments";
import { resetRateLimit } from "@/server/platform/ratelimit";
import { redis } from "@/server/platform/redis";
import { newGuestCartId, userCartId } from "../cart/cart-id";
import { readCartLines } from "../cart/cart-store";
import { hashOrderAccessToken } from "../orders/order-access-token";
import { TEST_ADDRESS, createTestBuyer, createTestProduct, fillCart, shopCaller, stockOf } from "../orders/orders-test-kit";
import { StartCheckoutInput, startCheckout } from "./start-checkout";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

// Every guest in these tests shares one (unknown) client address, hence one checkout window.
beforeEach(async () => {
  await resetRateLimit("checkout", "ip:unknown");
});

async function signedInWithCart(lines: Array<{ productId: string; quantity: number }>) {
  const user = await createTestBuyer(db);
  await fillCart(userCartId(user.id), lines);
  return { user, caller: shopCaller({ user }) };
}

describe("start checkout", () => {
  it("orders the cart at database prices, holds the stock and opens a payment session", async () => {
    const lamp = await createTestProduct(db, { onHand: 5, priceCents: 2_500, name: "Desk lamp" });
    const mug = await createTestProduct(db, { onHand: 9, priceCents: 900, name: "Mug" });
    const { user, caller } = await signedInWithCart([
      { productId: lamp.id, quantity: 1 },
      { productId: mug.id, quantity: 2 },
    ]);

    const before = Date.now();
    const started = await caller.shop.checkout.start({ shippingAddress: { ...TEST_ADDRESS, line2: "  ", country: "us" } });
    expect(started.url).toMatch(/\/pay\/cs_test_/);

    const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId }, include: { items: true, events: { orderBy: { id: "asc" } }, reservations: true } });
    expect(order).toMatchObject({
      userId: user.id,
      email: user.email,
      status: "payment_pending",
      currency: env.SHOP_CURRENCY,
      subtotalCents: 4_300,
      shippingCents: env.SHOP_SHIPPING_CENTS,
      totalCents: 4_300 + env.SHOP_SHIPPING_CENTS,
      shippingAddress: { ...TEST_ADDRESS, country: "US" },
      accessTokenHash: null,
      cartId: userCartId(user.id),
      paymentProvider: "simulator",
    });
    expect(order.items.map(({ productName, unitPriceCents, quantity }) => ({ productName, unitPriceCents, quantity })).sort((a, b) => a.productName.localeCompare(b.productName))).toEqual([
      { productName: "Desk lamp", unitPriceCents: 2_500, quantity: 1 },
      { productName: "Mug", unitPriceCents: 900, quantity: 2 },
    ]);
    expect(order.events.map((event) => event.status)).toEqual(["created", "payment_pending"]);
    const heldFor = (order.reservedUntil?.getTime() ?? 0) - before;
    expect(heldFor).toBeGreaterThanOrEqual(env.SHOP_CHECKOUT_MINUTES * 60_000 - 1_000);
    expect(heldFor).toBeLessThanOrEqual(env.SHOP_CHECKOUT_MINUTES * 60_000 + 5_000);
    expect(order.reservations.map((reservation) => reservation.status)).toEqual(["active", "active"]);
    expect(await stockOf(db, lamp.id)).toEqual({ onHand: 5, reserved: 1, available: 4 });
    expect(await stockOf(db, mug.id)).toEqual({ onHand: 9, reserved: 2, available: 7 });

    const session = await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: order.checkoutSessionId ?? "" } });
    expect(session).toMatchObject({ amountTotal: order.totalCents, currency: env.SHOP_CURRENCY, customerEmail: user.email, metadata: { kind: "shop-order", orderId: order.id } });
    expect(session.successUrl).toContain(`/shop/orders/${order.id}?checkout=success`);
    // The cart stays until the payment succeeds: a buyer who backs out still has it.
    expect(await readCartLines(redis, userCartId(user.id))).toHaveLength(2);
    // ...and their order page leads back to the payment page while the hold lasts.
    expect((await caller.shop.orders.get({ orderId: order.id })).paymentUrl).toBe(started.url);
    await db.order.update({ where: { id: order.id }, data: { reservedUntil: new Date(Date.now() - 1_000) } });
    expect((await caller.shop.orders.get({ orderId: order.id })).paymentUrl).toBeNull();
  });

  it("charges the price at checkout, whatever the cart or the client says", async () => {
    const chair = await createTestProduct(db, { onHand: 3, priceCents: 4_000, name: "Chair" });
    const { caller } = await signedInWithCart([{ productId: chair.id, quantity: 2 }]);
    // The price changed after the chair went into the cart.
    await db.product.update({ where: { id: chair.id }, data: { priceCents: 6_500 } });

    const tampered = { shippingAddress: TEST_ADDRESS, totalCents: 1, subtotalCents: 1, items: [{ productId: chair.id, quantity: 2, unitPriceCents: 1 }] };
    const started = await caller.shop.checkout.start(tampered as StartCheckoutInput);
    const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId }, include: { items: true } });
    expect(order).toMatchObject({ subtotalCents: 13_000, shippingCents: 0, totalCents: 13_000 });
    expect(order.items).toMatchObject([{ unitPriceCents: 6_500, quantity: 2 }]);
    const session = await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: order.checkoutSessionId ?? "" } });
    expect(session.amountTotal).toBe(13_000);
  });

  it("lets a guest check out with an email and gives them a private link to the order", async () => {
    const kettle = await createTestProduct(db, { onHand: 2, priceCents: 3_000 });
    const cartId = newGuestCartId();
    await fillCart(cartId, [{ productId: kettle.id, quantity: 1 }]);
    const guest = shopCaller({ guestCartId: cartId });

    await expect(guest.shop.checkout.start({ shippingAddress: TEST_ADDRESS })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Enter your email so we can send the receipt." });
    const started = await guest.shop.checkout.start({ email: " guest@example.com ", shippingAddress: TEST_ADDRESS });

    const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
    expect(order).toMatchObject({ userId: null, email: "guest@example.com", cartId });
    const session = await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: order.checkoutSessionId ?? "" } });
    const token = new URL(session.successUrl).searchParams.get("token") ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(order.accessTokenHash).toBe(hashOrderAccessToken(token));

    expect(await guest.shop.orders.get({ orderId: order.id, token })).toMatchObject({ id: order.id, status: "payment_pending", guest: true });
    await expect(guest.shop.orders.get({ orderId: order.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(guest.shop.orders.get({ orderId: order.id, token: `${token.slice(0, -1)}x` })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("names the product that ran out and leaves no order behind", async () => {
    const scarce = await createTestProduct(db, { onHand: 1, name: "Last teapot" });
    const other = await createTestProduct(db, { onHand: 5 });
    const { user, caller } = await signedInWithCart([
      { productId: other.id, quantity: 1 },
      { productId: scarce.id, quantity: 2 },
    ]);
    await expect(caller.shop.checkout.start({ shippingAddress: TEST_ADDRESS })).rejects.toMatchObject({ code: "CONFLICT", message: "Only 1 of Last teapot left (you asked for 2)." });

    await db.product.update({ where: { id: scarce.id }, data: { onHand: 0 } });
    await expect(caller.shop.checkout.start({ shippingAddress: TEST_ADDRESS })).rejects.toMatchObject({ code: "CONFLICT", message: "Last teapot is sold out." });

    await db.product.update({ where: { id: scarce.id }, data: { active: false } });
    await expect(caller.shop.checkout.start({ shippingAddress: TEST_ADDRESS })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Last teapot is no longer available") });

    expect(await db.order.count({ where: { userId: user.id } })).toBe(0);
    expect(await stockOf(db, other.id)).toEqual({ onHand: 5, reserved: 0, available: 5 });
  });

  it("refuses an empty cart and an invalid address, field by field", async () => {
    const { caller } = await signedInWithCart([]);
    await expect(caller.shop.checkout.start({ shippingAddress: TEST_ADDRESS })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Your cart is empty." });
    await expect(caller.shop.checkout.start({ shippingAddress: { ...TEST_ADDRESS, country: "XX", city: "", postalCode: "12#45" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        issues: expect.arrayContaining([
          expect.objectContaining({ path: ["shippingAddress", "country"], message: "Choose a country." }),
          expect.objectContaining({ path: ["shippingAddress", "city"], message: "Enter the city." }),
          expect.objectContaining({ path: ["shippingAddress", "postalCode"], message: "Postal codes use letters, digits, spaces and '-'." }),
        ]),
      },
    });
    expect(StartCheckoutInput.safeParse({ email: "not-an-email", shippingAddress: TEST_ADDRESS }).error?.issues[0]?.message).toBe("Enter a valid email address.");
    expect(StartCheckoutInput.safeParse({ shippingAddress: { ...TEST_ADDRESS, name: "x".repeat(101) } }).error?.issues[0]?.message).toBe("The full name can be at most 100 characters.");
  });

  it("cancels the order and gives the stock back when the payment session cannot be opened", async () => {
    const vase = await createTestProduct(db, { onHand: 2 });
    const user = await createTestBuyer(db);
    await fillCart(userCartId(user.id), [{ productId: vase.id, quantity: 2 }]);
    // The payment provider is unreachable: everything else is the real thing.
    const unreachable: PaymentGateway = {
      ...getPayments(),
      createCheckoutSession: () => Promise.reject(new Error("connect ECONNREFUSED api.stripe.com")),
    };
    await expect(
      startCheckout({ db, redis, payments: unreachable, user, cartId: userCartId(user.id), clientIp: "127.0.0.1", origin: "http://localhost:3000", input: StartCheckoutInput.parse({ shippingAddress: TEST_ADDRESS }) }),
    ).rejects.toMatchObject({ code: "UNAVAILABLE", message: expect.stringContaining("Nothing was charged") });

    const order = await db.order.findFirstOrThrow({ where: { userId: user.id }, include: { events: { orderBy: { id: "asc" } }, reservations: true } });
    expect(order).toMatchObject({ status: "cancelled", cancelReason: "The payment could not be started.", checkoutSessionId: null });
    expect(order.events.map((event) => event.status)).toEqual(["created", "cancelled"]);
    expect(order.reservations.map((reservation) => reservation.status)).toEqual(["released"]);
    expect(await stockOf(db, vase.id)).toEqual({ onHand: 2, reserved: 0, available: 2 });
  });

  it("rate-limits checkouts per buyer", async () => {
    const product = await createTestProduct(db, { onHand: 100 });
    const { caller } = await signedInWithCart([{ productId: product.id, quantity: 1 }]);
    for (let attempt = 0; attempt < env.RATE_LIMIT_CHECKOUT_POINTS; attempt++) await caller.shop.checkout.start({ shippingAddress: TEST_ADDRESS });
    await expect(caller.shop.checkout.start({ shippingAddress: TEST_ADDRESS })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});
