import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { CART_COOKIE, readGuestCartId } from "./cart-id";
import { cartKey } from "./cart-store";
import { cartBrowser, createCartProduct, testUser } from "./cart-test-kit";

/** A guest cart joins the account's cart on the first cart request after sign-in. */
afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

function guestKeyOf(cookie: string | null): string {
  const cartId = readGuestCartId(new Headers({ cookie: `${CART_COOKIE}=${cookie ?? ""}` }));
  if (!cartId) throw new Error("the browser holds no guest cart cookie");
  return cartKey(cartId);
}

describe("guest cart merge at sign-in", () => {
  it("adds quantities, caps them at 10 per line and at the stock, drops what cannot be bought, deletes the guest cart and clears its cookie", async () => {
    const user = testUser();
    const both = await createCartProduct({ onHand: 50 });
    const scarce = await createCartProduct({ onHand: 6 });
    const guestOnly = await createCartProduct({ onHand: 9 });
    const goneSoldOut = await createCartProduct({ onHand: 4 });
    const mine = await createCartProduct();

    // The user's cart from another device.
    const laptop = cartBrowser();
    laptop.signIn(user);
    await laptop.run((call) => call.shop.cart.add({ productId: both.id, quantity: 7 }));
    await laptop.run((call) => call.shop.cart.add({ productId: scarce.id, quantity: 4 }));
    await laptop.run((call) => call.shop.cart.add({ productId: mine.id, quantity: 1 }));

    // Shopping signed out on the phone.
    const phone = cartBrowser();
    await phone.run((call) => call.shop.cart.add({ productId: both.id, quantity: 6 }));
    await phone.run((call) => call.shop.cart.add({ productId: scarce.id, quantity: 5 }));
    await phone.run((call) => call.shop.cart.add({ productId: guestOnly.id, quantity: 2 }));
    await phone.run((call) => call.shop.cart.add({ productId: goneSoldOut.id, quantity: 1 }));
    await db.product.update({ where: { id: goneSoldOut.id }, data: { onHand: 0 } });
    const guestKey = guestKeyOf(phone.guestCookie);
    expect(await redis.exists(guestKey)).toBe(1);

    phone.signIn(user);
    const cookiesBefore = phone.setCookies.length;
    const merged = await phone.run((call) => call.shop.cart.get());
    expect(merged.lines.map((line) => [line.productId, line.quantity])).toEqual([
      [both.id, 10], // 7 + 6, capped at 10 per line
      [scarce.id, 6], // 4 + 5, capped at the 6 in stock
      [mine.id, 1],
      [guestOnly.id, 2],
    ]);
    expect(merged.lines.every((line) => line.problem === null)).toBe(true);
    expect(await redis.exists(guestKey)).toBe(0);
    expect(phone.setCookies.slice(cookiesBefore)).toEqual([expect.stringMatching(/^cb_cart=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax/)]);
    expect(phone.guestCookie).toBeNull();

    // The other device sees the same, merged cart.
    expect((await laptop.run((call) => call.shop.cart.get())).itemCount).toBe(19);
  });

  it("merges once when two requests carrying the guest cookie race", async () => {
    const user = testUser();
    const product = await createCartProduct({ onHand: 50 });
    const guest = cartBrowser();
    await guest.run((call) => call.shop.cart.add({ productId: product.id, quantity: 3 }));
    const cookie = guest.guestCookie;

    // Two tabs of the same browser, both still sending the guest cookie, right after sign-in.
    const tabs = [cartBrowser({ guestCookie: cookie }), cartBrowser({ guestCookie: cookie })];
    for (const tab of tabs) tab.signIn(user);
    await Promise.all(tabs.map((tab) => tab.run((call) => call.shop.cart.get())));
    for (const tab of tabs) expect(tab.guestCookie).toBeNull();

    // A late request that still carries the old cookie changes nothing either.
    const late = cartBrowser({ guestCookie: cookie });
    late.signIn(user);
    const cart = await late.run((call) => call.shop.cart.get());
    expect(cart.lines.map((line) => [line.productId, line.quantity])).toEqual([[product.id, 3]]);
  });
});
