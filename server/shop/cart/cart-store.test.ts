import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/server/env";
import { redis } from "@/server/platform/redis";
import { newGuestCartId, readGuestCartId, resolveCartId, guestCartCookie, userCartId } from "./cart-id";
import { MAX_CART_LINES } from "./cart-limits";
import { addToCartLine, cartKey, clearCart, mergeIntoCart, readCartLines, removeCartLine, setCartLine, takeCart } from "./cart-store";
import { shippingCentsFor } from "./shipping";

/** The Redis cart primitives the cart operations and checkout build on (real Redis). */
afterAll(() => redis.disconnect());

const TTL_SECONDS = env.SHOP_CART_TTL_DAYS * 24 * 3600;

describe("cart store", () => {
  it("adds within the cap, refuses past it, keeps insertion order and refreshes the TTL on every write", async () => {
    const cartId = newGuestCartId();
    expect(await addToCartLine(redis, cartId, { productId: "p-b", quantity: 2, cap: 5 })).toEqual({ status: "added", quantity: 2 });
    expect(await addToCartLine(redis, cartId, { productId: "p-a", quantity: 1, cap: 5 })).toEqual({ status: "added", quantity: 1 });
    expect(await addToCartLine(redis, cartId, { productId: "p-b", quantity: 3, cap: 5 })).toEqual({ status: "added", quantity: 5 });
    expect(await addToCartLine(redis, cartId, { productId: "p-b", quantity: 1, cap: 5 })).toEqual({ status: "over_cap", existing: 5 });
    expect(await readCartLines(redis, cartId)).toEqual([
      { productId: "p-b", quantity: 5 },
      { productId: "p-a", quantity: 1 },
    ]);

    await redis.expire(cartKey(cartId), 60);
    await setCartLine(redis, cartId, { productId: "p-a", quantity: 4 });
    expect(await redis.ttl(cartKey(cartId))).toBeGreaterThan(TTL_SECONDS - 5);
    await redis.expire(cartKey(cartId), 60);
    await removeCartLine(redis, cartId, { productId: "p-b" });
    expect(await redis.ttl(cartKey(cartId))).toBeGreaterThan(TTL_SECONDS - 5);
    expect(await readCartLines(redis, cartId)).toEqual([{ productId: "p-a", quantity: 4 }]);

    await clearCart(redis, cartId);
    expect(await readCartLines(redis, cartId)).toEqual([]);
    expect(await redis.exists(cartKey(cartId))).toBe(0);
  });

  it("keeps two variants of one product as two lines, next to the product's plain line", async () => {
    const cartId = newGuestCartId();
    await setCartLine(redis, cartId, { productId: "p-a", quantity: 1 });
    await setCartLine(redis, cartId, { productId: "p-t", variantId: "v-m", quantity: 2 });
    expect(await addToCartLine(redis, cartId, { productId: "p-t", variantId: "v-l", quantity: 3, cap: 3 })).toEqual({ status: "added", quantity: 3 });
    expect(await addToCartLine(redis, cartId, { productId: "p-t", variantId: "v-m", quantity: 1, cap: 2 })).toEqual({ status: "over_cap", existing: 2 });
    expect(await readCartLines(redis, cartId)).toEqual([
      { productId: "p-a", quantity: 1 },
      { productId: "p-t", variantId: "v-m", quantity: 2 },
      { productId: "p-t", variantId: "v-l", quantity: 3 },
    ]);
    await removeCartLine(redis, cartId, { productId: "p-t", variantId: "v-m" });
    expect(await readCartLines(redis, cartId)).toEqual([
      { productId: "p-a", quantity: 1 },
      { productId: "p-t", variantId: "v-l", quantity: 3 },
    ]);
  });

  it("holds at most the line limit, but existing lines still change", async () => {
    const cartId = newGuestCartId();
    for (let index = 0; index < MAX_CART_LINES; index += 1) {
      await setCartLine(redis, cartId, { productId: `p-${index}`, quantity: 1 });
    }
    expect(await addToCartLine(redis, cartId, { productId: "one-too-many", quantity: 1, cap: 10 })).toEqual({ status: "too_many_lines" });
    expect(await setCartLine(redis, cartId, { productId: "one-too-many", quantity: 1 })).toBe(false);
    expect(await setCartLine(redis, cartId, { productId: "p-0", quantity: 3 })).toBe(true);
    expect(await addToCartLine(redis, cartId, { productId: "p-1", quantity: 2, cap: 10 })).toEqual({ status: "added", quantity: 3 });
    expect(await readCartLines(redis, cartId)).toHaveLength(MAX_CART_LINES);
  });

  it("hands a cart to exactly one of two racing takers, and merges with caps without lowering existing lines", async () => {
    const guest = newGuestCartId();
    const user = userCartId("merge-user");
    await clearCart(redis, user);
    await setCartLine(redis, guest, { productId: "p-1", quantity: 4 });
    await setCartLine(redis, guest, { productId: "p-2", quantity: 9 });
    await setCartLine(redis, user, { productId: "p-1", quantity: 3 });
    await setCartLine(redis, user, { productId: "p-3", quantity: 8 });

    const [first, second] = await Promise.all([takeCart(redis, guest), takeCart(redis, guest)]);
    expect([first.length, second.length].sort()).toEqual([0, 2]);
    expect(await redis.exists(cartKey(guest))).toBe(0);

    await mergeIntoCart(redis, user, [
      { productId: "p-1", quantity: 4, cap: 5 },
      { productId: "p-2", quantity: 9, cap: 10 },
      { productId: "p-3", quantity: 1, cap: 2 },
    ]);
    expect(await readCartLines(redis, user)).toEqual([
      { productId: "p-1", quantity: 5 },
      { productId: "p-3", quantity: 8 },
      { productId: "p-2", quantity: 9 },
    ]);
    expect(await redis.ttl(cartKey(user))).toBeGreaterThan(TTL_SECONDS - 5);
  });
});

describe("cart ids", () => {
  it("reads only a well-formed guest cookie and prefers the signed-in user's cart", () => {
    const guest = newGuestCartId();
    const cookie = guestCartCookie(guest).split(";")[0] ?? "";
    const headers = new Headers({ cookie: `theme=dark; ${cookie}` });
    expect(readGuestCartId(headers)).toBe(guest);
    expect(resolveCartId({ user: null, headers })).toBe(guest);
    expect(resolveCartId({ user: { id: "u1" }, headers })).toBe("user:u1");
    expect(readGuestCartId(new Headers({ cookie: "cb_cart=../../etc" }))).toBeNull();
    expect(resolveCartId({ user: null, headers: new Headers() })).toBeNull();
    expect(guestCartCookie(guest)).toMatch(/HttpOnly; SameSite=Lax/);
  });
});

describe("shipping", () => {
  it("charges the flat rate below the free-shipping threshold and nothing from it (or for nothing)", () => {
    expect(shippingCentsFor(0)).toBe(0);
    expect(shippingCentsFor(1)).toBe(env.SHOP_SHIPPING_CENTS);
    expect(shippingCentsFor(env.SHOP_FREE_SHIPPING_FROM_CENTS - 1)).toBe(env.SHOP_SHIPPING_CENTS);
    expect(shippingCentsFor(env.SHOP_FREE_SHIPPING_FROM_CENTS)).toBe(0);
  });
});
