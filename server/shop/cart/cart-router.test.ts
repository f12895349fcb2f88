import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { consume } from "@/server/platform/ratelimit";
import { redis } from "@/server/platform/redis";
import { MAX_CART_LINES } from "./cart-limits";
import { cartKey } from "./cart-store";
import { cartBrowser, createCartProduct, testUser } from "./cart-test-kit";
import { userCartId } from "./cart-id";

/** shop.cart.* through the real router, Redis and Postgres, as a guest and signed in. */
afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const TTL_SECONDS = env.SHOP_CART_TTL_DAYS * 24 * 3600;

describe("shop.cart as a guest", () => {
  it("gives an empty cart and no cookie until something is added", async () => {
    const browser = cartBrowser();
    const cart = await browser.run((call) => call.shop.cart.get());
    expect(cart).toMatchObject({ lines: [], itemCount: 0, subtotalCents: 0, shippingCents: 0, totalCents: 0, currency: env.SHOP_CURRENCY });
    expect(browser.setCookies).toEqual([]);
  });

  it("adds, changes quantities and removes lines, with an httpOnly cookie naming the cart", async () => {
    const browser = cartBrowser();
    const mug = await createCartProduct({ priceCents: 1_250 });
    const lamp = await createCartProduct({ priceCents: 4_000 });

    const afterAdd = await browser.run((call) => call.shop.cart.add({ productId: mug.id, quantity: 2 }));
    expect(browser.guestCookie).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(browser.setCookies[0]).toMatch(/HttpOnly; SameSite=Lax/);
    expect(browser.setCookies[0]).toContain(`Max-Age=${TTL_SECONDS}`);
    expect(afterAdd).toMatchObject({ itemCount: 2, subtotalCents: 2_500, shippingCents: env.SHOP_SHIPPING_CENTS, totalCents: 2_500 + env.SHOP_SHIPPING_CENTS });
    expect(afterAdd.lines).toEqual([
      expect.objectContaining({ productId: mug.id, quantity: 2, lineTotalCents: 2_500, problem: null, product: expect.objectContaining({ name: mug.name, image: mug.images[0] }) }),
    ]);

    await browser.run((call) => call.shop.cart.add({ productId: mug.id, quantity: 1 }));
    const withLamp = await browser.run((call) => call.shop.cart.add({ productId: lamp.id, quantity: 1 }));
    expect(withLamp.lines.map((line) => [line.productId, line.quantity])).toEqual([[mug.id, 3], [lamp.id, 1]]);
    // 3 × 12.50 + 40.00 = 77.50 reaches free shipping.
    expect(withLamp).toMatchObject({ subtotalCents: 7_750, shippingCents: 0, totalCents: 7_750, itemCount: 4 });

    const set = await browser.run((call) => call.shop.cart.setQuantity({ productId: mug.id, quantity: 5 }));
    expect(set.lines.find((line) => line.productId === mug.id)?.quantity).toBe(5);
    const zero = await browser.run((call) => call.shop.cart.setQuantity({ productId: mug.id, quantity: 0 }));
    expect(zero.lines.map((line) => line.productId)).toEqual([lamp.id]);
    const removed = await browser.run((call) => call.shop.cart.remove({ productId: lamp.id }));
    expect(removed).toMatchObject({ lines: [], itemCount: 0, totalCents: 0 });

    // The cookie kept naming the same cart all along.
    expect(new Set(browser.setCookies.map((header) => header.split(";")[0])).size).toBe(1);
  });

  it("shows today's price, not the price at the time of adding", async () => {
    const browser = cartBrowser();
    const product = await createCartProduct({ priceCents: 2_000 });
    await browser.run((call) => call.shop.cart.add({ productId: product.id, quantity: 2 }));
    await db.product.update({ where: { id: product.id }, data: { priceCents: 1_500 } });
    const cart = await browser.run((call) => call.shop.cart.get());
    expect(cart.lines[0]).toMatchObject({ quantity: 2, lineTotalCents: 3_000, product: expect.objectContaining({ priceCents: 1_500 }) });
    expect(cart.subtotalCents).toBe(3_000);
  });
});

describe("shop.cart limits", () => {
  it("refuses quantities outside 1–10 per line, more than is in stock, and sold-out or unavailable products", async () => {
    const browser = cartBrowser();
    const plenty = await createCartProduct({ onHand: 50 });
    const fewLeft = await createCartProduct({ onHand: 3 });
    const soldOut = await createCartProduct({ onHand: 0 });
    const inactive = await createCartProduct({ active: false });
    const add = (productId: string, quantity: number) => browser.run((call) => call.shop.cart.add({ productId, quantity }));

    await expect(add(plenty.id, 0)).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Choose a quantity from 1 to 10." });
    await expect(add(plenty.id, 11)).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Choose a quantity from 1 to 10." });
    await add(plenty.id, 8);
    await expect(add(plenty.id, 3)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "You can have at most 10 of one item in your cart (you already have 8).",
    });
    await add(plenty.id, 2);

    await expect(add(fewLeft.id, 4)).rejects.toMatchObject({ code: "CONFLICT", message: "Only 3 left." });
    await add(fewLeft.id, 2);
    await expect(add(fewLeft.id, 2)).rejects.toMatchObject({ code: "CONFLICT", message: "Only 3 left, and you already have 2 in your cart." });
    // Reserved units (someone else's checkout) are not available.
    await db.product.update({ where: { id: fewLeft.id }, data: { reserved: 1 } });
    await expect(add(fewLeft.id, 1)).rejects.toMatchObject({ code: "CONFLICT", message: "Only 2 left, and you already have 2 in your cart." });

    await expect(add(soldOut.id, 1)).rejects.toMatchObject({ code: "CONFLICT", message: "This product is sold out." });
    await expect(add(inactive.id, 1)).rejects.toMatchObject({ code: "NOT_FOUND", message: "This product is no longer available." });
    await expect(add("no-such-product", 1)).rejects.toMatchObject({ code: "NOT_FOUND", message: "This product is no longer available." });

    const set = (productId: string, quantity: number) => browser.run((call) => call.shop.cart.setQuantity({ productId, quantity }));
    await expect(set(plenty.id, 11)).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Choose a quantity from 0 to 10." });
    await expect(set(plenty.id, -1)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(set(fewLeft.id, 3)).rejects.toMatchObject({ code: "CONFLICT", message: "Only 2 left." });
    await expect(set(soldOut.id, 1)).rejects.toMatchObject({ code: "CONFLICT", message: "This product is sold out." });

    const cart = await browser.run((call) => call.shop.cart.get());
    expect(cart.lines.map((line) => [line.productId, line.quantity])).toEqual([[plenty.id, 10], [fewLeft.id, 2]]);
  });

  it(`holds at most ${MAX_CART_LINES} different products`, async () => {
    const browser = cartBrowser();
    const products = await Promise.all(Array.from({ length: MAX_CART_LINES + 1 }, () => createCartProduct()));
    for (const product of products.slice(0, MAX_CART_LINES)) {
      await browser.run((call) => call.shop.cart.add({ productId: product.id, quantity: 1 }));
    }
    const extra = products[MAX_CART_LINES]?.id ?? "";
    await expect(browser.run((call) => call.shop.cart.add({ productId: extra, quantity: 1 }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `Your cart can hold at most ${MAX_CART_LINES} different items. Remove one to add this.`,
    });
    await expect(browser.run((call) => call.shop.cart.setQuantity({ productId: extra, quantity: 1 }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const first = products[0]?.id ?? "";
    const cart = await browser.run((call) => call.shop.cart.add({ productId: first, quantity: 1 }));
    expect(cart.lines).toHaveLength(MAX_CART_LINES);
    expect(cart.itemCount).toBe(MAX_CART_LINES + 1);
  });
});

describe("shop.cart rate limit", () => {
  it(`refuses writes past ${env.RATE_LIMIT_CART_POINTS} a minute per guest IP or user, keeping the cart and other buyers unaffected`, async () => {
    const product = await createCartProduct();
    const guest = cartBrowser();
    await guest.run((call) => call.shop.cart.add({ productId: product.id, quantity: 1 }));
    await consume("cart-write", `ip:${guest.ip}`, env.RATE_LIMIT_CART_POINTS - 1);
    await expect(guest.run((call) => call.shop.cart.add({ productId: product.id, quantity: 1 }))).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/^Too many requests\. Please try again in \d+ (seconds?|minute)\.$/),
    });
    await expect(guest.run((call) => call.shop.cart.remove({ productId: product.id }))).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // Reading is not limited, and nothing was lost.
    expect((await guest.run((call) => call.shop.cart.get())).itemCount).toBe(1);
    await expect(cartBrowser().run((call) => call.shop.cart.add({ productId: product.id, quantity: 1 }))).resolves.toMatchObject({ itemCount: 1 });

    const member = cartBrowser();
    const user = testUser();
    member.signIn(user);
    await consume("cart-write", `user:${user.id}`, env.RATE_LIMIT_CART_POINTS);
    await expect(member.run((call) => call.shop.cart.add({ productId: product.id, quantity: 1 }))).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});

describe("shop.cart expiry", () => {
  it("sets the cart's TTL on the first write and refreshes it on every write", async () => {
    const browser = cartBrowser();
    const user = testUser();
    browser.signIn(user);
    const product = await createCartProduct();
    const key = cartKey(userCartId(user.id));

    await browser.run((call) => call.shop.cart.add({ productId: product.id, quantity: 1 }));
    expect(await redis.ttl(key)).toBeGreaterThan(TTL_SECONDS - 5);
    for (const write of [
      () => browser.run((call) => call.shop.cart.add({ productId: product.id, quantity: 1 })),
      () => browser.run((call) => call.shop.cart.setQuantity({ productId: product.id, quantity: 4 })),
    ]) {
      await redis.expire(key, 60);
      await write();
      expect(await redis.ttl(key)).toBeGreaterThan(TTL_SECONDS - 5);
    }
    // Reading does not extend the cart's life.
    await redis.expire(key, 60);
    await browser.run((call) => call.shop.cart.get());
    expect(await redis.ttl(key)).toBeLessThanOrEqual(60);
  });
});

describe("shop.cart problems", () => {
  it("reports lines that stock or the catalog no longer allows, and leaves them out of the totals", async () => {
    const browser = cartBrowser();
    const shrinking = await createCartProduct({ onHand: 10, priceCents: 1_000 });
    const sellingOut = await createCartProduct({ onHand: 5, priceCents: 1_000 });
    const retired = await createCartProduct({ priceCents: 1_000 });
    const deleted = await createCartProduct({ priceCents: 1_000 });
    const fine = await createCartProduct({ priceCents: 700 });
    for (const product of [shrinking, sellingOut, retired, deleted, fine]) {
      await browser.run((call) => call.shop.cart.add({ productId: product.id, quantity: 4 }));
    }
    expect((await browser.run((call) => call.shop.cart.get())).lines.every((line) => line.problem === null)).toBe(true);

    await db.product.update({ where: { id: shrinking.id }, data: { onHand: 2 } });
    await db.product.update({ where: { id: sellingOut.id }, data: { reserved: 5 } });
    await db.product.update({ where: { id: retired.id }, data: { active: false } });
    await db.product.delete({ where: { id: deleted.id } });

    const cart = await browser.run((call) => call.shop.cart.get());
    const problems = Object.fromEntries(cart.lines.map((line) => [line.productId, line.problem]));
    expect(problems).toEqual({
      [shrinking.id]: "not_enough_stock",
      [sellingOut.id]: "sold_out",
      [retired.id]: "unavailable",
      [deleted.id]: "unavailable",
      [fine.id]: null,
    });
    expect(cart.lines.find((line) => line.productId === shrinking.id)?.product?.available).toBe(2);
    expect(cart.lines.find((line) => line.productId === deleted.id)?.product).toBeNull();
    expect(cart).toMatchObject({ subtotalCents: 2_800, shippingCents: env.SHOP_SHIPPING_CENTS, itemCount: 20 });

    // The fix the page offers for "not enough stock": set the quantity to what is left.
    const fixed = await browser.run((call) => call.shop.cart.setQuantity({ productId: shrinking.id, quantity: 2 }));
    expect(fixed.lines.find((line) => line.productId === shrinking.id)?.problem).toBeNull();
    const cleaned = await browser.run((call) => call.shop.cart.remove({ productId: deleted.id }));
    expect(cleaned.lines).toHaveLength(4);
  });
});
