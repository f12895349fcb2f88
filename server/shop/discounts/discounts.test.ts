import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { paySimulatedSession } from "@/server/platform/payments/simulator/pay-simulated-session";
import type { StripeEventJson } from "@/server/platform/payments/simulator/stripe-objects";
import { redis } from "@/server/platform/redis";
import { userCartId } from "../cart/cart-id";
import { computeOrderTotals } from "../checkout/order-totals";
import { cancelUnpaidOrder } from "../orders/cancel-unpaid-order";
import { TEST_ADDRESS, createTestBuyer, createTestProduct, fillCart, shopCaller, stockOf } from "../orders/orders-test-kit";
import { discountCentsFor } from "./discount-rules";

/**
 * Discount codes and the tax line, through the same procedures the checkout
 * page calls, against real Postgres and Redis: what a code takes off, when it
 * is refused and why, that its usage limit holds when buyers race for the last
 * use, that an unpaid order gives its use back, and that the amount charged is
 * the order's discounted, taxed total.
 */
afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

function uniqueCode(prefix: string): string {
  return `${prefix}${randomUUID().slice(0, 8).toUpperCase()}`;
}

async function createCode(fields: { kind?: "percent" | "amount"; value?: number; minSubtotalCents?: number; expiresAt?: Date | null; usageLimit?: number | null } = {}) {
  return db.discountCode.create({ data: { code: uniqueCode("T"), kind: "percent", value: 10, ...fields } });
}

async function buyerWithCart(lines: Array<{ productId: string; quantity: number }>) {
  const user = await createTestBuyer(db);
  await fillCart(userCartId(user.id), lines);
  return { user, caller: shopCaller({ user }) };
}

describe("what a code takes off", () => {
  it("rounds a percentage half up to the cent and never takes more than the subtotal", () => {
    expect(discountCentsFor({ kind: "percent", value: 10 }, 4_500)).toBe(450);
    expect(discountCentsFor({ kind: "percent", value: 10 }, 5)).toBe(1);
    expect(discountCentsFor({ kind: "percent", value: 15 }, 333)).toBe(50);
    expect(discountCentsFor({ kind: "percent", value: 100 }, 2_000)).toBe(2_000);
    expect(discountCentsFor({ kind: "amount", value: 500 }, 2_000)).toBe(500);
    expect(discountCentsFor({ kind: "amount", value: 500 }, 300)).toBe(300);
  });

  it("taxes subtotal − discount + shipping at the country's rate, half up, and charges no tax where none is set", () => {
    // DE 19 % (the default SHOP_TAX_RATES); shipping follows the subtotal before the discount.
    const de = computeOrderTotals({ subtotalCents: 4_000, discountCents: 400, country: "DE" });
    expect(de).toEqual({
      subtotalCents: 4_000,
      discountCents: 400,
      shippingCents: env.SHOP_SHIPPING_CENTS,
      taxCents: Math.floor(((3_600 + env.SHOP_SHIPPING_CENTS) * 1_900 + 5_000) / 10_000),
      taxRateBasisPoints: 1_900,
      totalCents: 3_600 + env.SHOP_SHIPPING_CENTS + Math.floor(((3_600 + env.SHOP_SHIPPING_CENTS) * 1_900 + 5_000) / 10_000),
    });
    // 19 % of 250 is 47.5: rounded up to 48.
    expect(computeOrderTotals({ subtotalCents: env.SHOP_FREE_SHIPPING_FROM_CENTS + 250, discountCents: env.SHOP_FREE_SHIPPING_FROM_CENTS, country: "DE" }).taxCents).toBe(48);
    expect(computeOrderTotals({ subtotalCents: 4_000, discountCents: 0, country: "JP" })).toMatchObject({ taxCents: 0, taxRateBasisPoints: 0 });
    expect(computeOrderTotals({ subtotalCents: 4_000, discountCents: 0, country: null })).toMatchObject({ taxCents: 0, taxRateBasisPoints: null });
  });
});

describe("checkout quote", () => {
  it("prices the cart with a code and the country, and says why a code does not apply", async () => {
    const lamp = await createTestProduct(db, { priceCents: 3_000 });
    const { caller } = await buyerWithCart([{ productId: lamp.id, quantity: 2 }]);
    const percent = await createCode({ kind: "percent", value: 10 });

    const quote = await caller.shop.checkout.quote({ discountCode: ` ${percent.code.toLowerCase()} `, country: "de" });
    const tax = Math.floor((5_400 * 1_900 + 5_000) / 10_000);
    expect(quote).toEqual({
      currency: env.SHOP_CURRENCY,
      taxCountry: "DE",
      subtotalCents: 6_000,
      discountCents: 600,
      shippingCents: 0,
      taxCents: tax,
      taxRateBasisPoints: 1_900,
      totalCents: 5_400 + tax,
      discount: { code: percent.code, label: "10% off" },
      discountError: null,
    });

    const expired = await createCode({ expiresAt: new Date(Date.now() - 60_000) });
    const usedUp = await createCode({ usageLimit: 2 });
    await db.discountCode.update({ where: { id: usedUp.id }, data: { timesUsed: 2 } });
    const needsMore = await createCode({ kind: "amount", value: 500, minSubtotalCents: 10_000 });
    const refusals = await Promise.all(
      ["NOSUCHCODE", "x", expired.code, usedUp.code, needsMore.code].map(async (code) => (await caller.shop.checkout.quote({ discountCode: code, country: "US" })).discountError),
    );
    expect(refusals).toEqual([
      "We don't know the code NOSUCHCODE. Check the spelling and try again.",
      "We don't know the code X. Check the spelling and try again.",
      `The code ${expired.code} has expired.`,
      `The code ${usedUp.code} has been used up.`,
      `The code ${needsMore.code} needs a subtotal of at least $100.00.`,
    ]);
    // A refused code takes nothing off.
    expect(await caller.shop.checkout.quote({ discountCode: expired.code, country: "US" })).toMatchObject({ discount: null, discountCents: 0, totalCents: 6_000 });
  });
});

describe("guessing codes", () => {
  it("spends a look-up per code tried; once the window is spent even a good code is refused, and totals still answer", async () => {
    const pen = await createTestProduct(db, { priceCents: 1_000 });
    const { caller } = await buyerWithCart([{ productId: pen.id, quantity: 1 }]);
    const good = await createCode();
    for (let attempt = 0; attempt < env.RATE_LIMIT_DISCOUNT_CODE_POINTS; attempt++) {
      expect((await caller.shop.checkout.quote({ discountCode: `GUESS${attempt}`, country: "US" })).discountError).toMatch(/^We don't know the code/);
    }
    const refused = await caller.shop.checkout.quote({ discountCode: good.code, country: "US" });
    expect(refused).toMatchObject({ discount: null, discountCents: 0, discountError: expect.stringMatching(/^Too many codes tried\. Please try again in \d+ minutes?\.$/) });
    await expect(caller.shop.checkout.start({ shippingAddress: TEST_ADDRESS, discountCode: good.code })).rejects.toMatchObject({ code: "BAD_REQUEST", message: refused.discountError });
    expect(await caller.shop.checkout.quote({ country: "US" })).toMatchObject({ subtotalCents: 1_000, discountError: null });
  });
});

describe("checkout with a code", () => {
  it("stores the code, discount and tax on the order and charges exactly its total; paying it keeps the use", async () => {
    const kettle = await createTestProduct(db, { priceCents: 2_000, onHand: 5 });
    const { caller } = await buyerWithCart([{ productId: kettle.id, quantity: 1 }]);
    const save = await createCode({ kind: "amount", value: 500, usageLimit: 5 });

    const { orderId } = await caller.shop.checkout.start({ shippingAddress: { ...TEST_ADDRESS, country: "GB" }, discountCode: save.code.toLowerCase() });
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    const shipping = env.SHOP_SHIPPING_CENTS;
    const tax = Math.floor(((1_500 + shipping) * 2_000 + 5_000) / 10_000);
    expect(order).toMatchObject({
      subtotalCents: 2_000,
      discountCode: save.code,
      discountCodeId: save.id,
      discountCents: 500,
      shippingCents: shipping,
      taxCents: tax,
      taxRateBasisPoints: 2_000,
      totalCents: 1_500 + shipping + tax,
    });
    expect(await db.discountCode.findUniqueOrThrow({ where: { id: save.id } })).toMatchObject({ timesUsed: 1 });

    // The payment session charges the order's total: items, shipping and tax as lines, the code as a discount.
    const session = await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: order.checkoutSessionId ?? "" } });
    expect(session).toMatchObject({ amountTotal: order.totalCents, amountDiscount: 500, discountName: `${save.code} ($5.00 off)` });
    expect(session.lineItems).toEqual([
      { name: kettle.name, unitAmountCents: 2_000, quantity: 1 },
      { name: "Shipping", unitAmountCents: shipping, quantity: 1 },
      { name: "Tax (20%)", unitAmountCents: tax, quantity: 1 },
    ]);
    const view = await caller.shop.orders.get({ orderId });
    expect(view).toMatchObject({ discountCode: save.code, discountCents: 500, taxCents: tax, taxRateBasisPoints: 2_000, totalCents: order.totalCents });

    const events: StripeEventJson[] = [];
    await paySimulatedSession({ db, deliver: async (event) => void events.push(event), sessionId: session.id, card: { number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" } });
    const completed = events.find((event) => event.type === "checkout.session.completed");
    expect(completed?.data.object).toMatchObject({ amount_total: order.totalCents, total_details: { amount_discount: 500 } });
  });

  it("refuses a code that does not apply, by field, and leaves no order or held stock behind", async () => {
    const chair = await createTestProduct(db, { priceCents: 1_000, onHand: 3 });
    const { user, caller } = await buyerWithCart([{ productId: chair.id, quantity: 1 }]);
    const big = await createCode({ kind: "amount", value: 500, minSubtotalCents: 5_000 });

    await expect(caller.shop.checkout.start({ shippingAddress: TEST_ADDRESS, discountCode: big.code })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `The code ${big.code} needs a subtotal of at least $50.00.`,
    });
    expect(await db.order.count({ where: { userId: user.id } })).toBe(0);
    expect(await stockOf(db, chair.id)).toMatchObject({ reserved: 0 });
    expect(await db.discountCode.findUniqueOrThrow({ where: { id: big.id } })).toMatchObject({ timesUsed: 0 });
  });

  it("never lets more orders use a code than its limit when buyers race for the last use", async () => {
    const RACERS = 8;
    const scarf = await createTestProduct(db, { priceCents: 2_500, onHand: 50 });
    const once = await createCode({ kind: "percent", value: 20, usageLimit: 1 });
    const buyers = await Promise.all(Array.from({ length: RACERS }, () => buyerWithCart([{ productId: scarf.id, quantity: 1 }])));

    const results = await Promise.allSettled(buyers.map(({ caller }) => caller.shop.checkout.start({ shippingAddress: TEST_ADDRESS, discountCode: once.code })));

    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(RACERS - 1);
    for (const { reason } of lost) {
      expect(reason).toMatchObject({ code: expect.stringMatching(/CONFLICT|BAD_REQUEST/) });
      expect(String((reason as Error).message)).toMatch(new RegExp(`The code ${once.code} has (just )?been used up`));
    }
    expect(await db.discountCode.findUniqueOrThrow({ where: { id: once.id } })).toMatchObject({ timesUsed: 1 });
    expect(await db.order.count({ where: { discountCodeId: once.id } })).toBe(1);
    // Only the winner's unit is held: the losers' orders rolled back whole.
    expect(await stockOf(db, scarf.id)).toMatchObject({ reserved: 1 });
  });

  it("gives the use back when an unpaid order is cancelled, once", async () => {
    const mug = await createTestProduct(db, { priceCents: 1_200, onHand: 5 });
    const single = await createCode({ usageLimit: 1 });
    const first = await buyerWithCart([{ productId: mug.id, quantity: 1 }]);
    const { orderId } = await first.caller.shop.checkout.start({ shippingAddress: TEST_ADDRESS, discountCode: single.code });
    expect((await db.discountCode.findUniqueOrThrow({ where: { id: single.id } })).timesUsed).toBe(1);

    expect(await cancelUnpaidOrder(db, { orderId, reason: "Test." })).toBe(true);
    expect(await cancelUnpaidOrder(db, { orderId, reason: "Test again." })).toBe(false);
    expect((await db.discountCode.findUniqueOrThrow({ where: { id: single.id } })).timesUsed).toBe(0);

    // Free again: the next buyer may use it.
    const second = await buyerWithCart([{ productId: mug.id, quantity: 1 }]);
    await expect(second.caller.shop.checkout.start({ shippingAddress: TEST_ADDRESS, discountCode: single.code })).resolves.toMatchObject({ orderId: expect.any(String) });
  });
});

describe("admin discount codes", () => {
  it("creates codes upper-case, refuses duplicates, past expiries and out-of-range values, and lists them", async () => {
    const admin = shopCaller({ user: await createTestBuyer(db, "admin") });
    const code = uniqueCode("new-");
    const created = await admin.shop.adminDiscounts.create({ code: code.toLowerCase(), kind: "amount", value: 750, minSubtotalCents: 3_000, usageLimit: 100 });
    expect(created).toMatchObject({ code: code.toUpperCase(), kind: "amount", value: 750, minSubtotalCents: 3_000, usageLimit: 100, timesUsed: 0, expiresAt: null });

    await expect(admin.shop.adminDiscounts.create({ code, kind: "percent", value: 5 })).rejects.toMatchObject({ code: "CONFLICT", message: `The code ${code.toUpperCase()} already exists.` });
    await expect(admin.shop.adminDiscounts.create({ code: uniqueCode("P"), kind: "percent", value: 5, expiresAt: new Date(Date.now() - 1_000) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The expiry must be in the future.",
    });
    await expect(admin.shop.adminDiscounts.create({ code: uniqueCode("P"), kind: "percent", value: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.shop.adminDiscounts.create({ code: "no spaces", kind: "percent", value: 5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.shop.adminDiscounts.create({ code: uniqueCode("P"), kind: "amount", value: 1_000_001 })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    expect((await admin.shop.adminDiscounts.list()).map((row) => row.code)).toContain(code.toUpperCase());
    const buyer = shopCaller({ user: await createTestBuyer(db) });
    await expect(buyer.shop.adminDiscounts.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
