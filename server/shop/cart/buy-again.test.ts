import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { createShopUser, createTestCategory, createTestOrder, createTestProduct, shopCaller } from "@/server/shop/catalog/catalog-test-kit";
import type { CartView } from "./get-cart";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const quantities = (cart: CartView) => Object.fromEntries(cart.lines.map((line) => [line.productId, line.quantity]));

describe("shop.cart.buyAgain", () => {
  it("puts an order's lines in the buyer's cart, capped by today's stock, and names what cannot be had", async () => {
    const category = await createTestCategory();
    const kettle = await createTestProduct({ categoryId: category.id, name: "Again kettle", onHand: 10 });
    const mug = await createTestProduct({ categoryId: category.id, name: "Again mug", onHand: 1 });
    const teapot = await createTestProduct({ categoryId: category.id, name: "Again teapot", onHand: 0 });
    const user = await createShopUser();
    const order = await createTestOrder(user.id, [kettle.id, mug.id, teapot.id]);
    await db.orderItem.updateMany({ where: { orderId: order.id, productId: mug.id }, data: { quantity: 3 } });

    const first = await shopCaller(user).cart.buyAgain({ orderId: order.id });
    expect(first.unavailable).toEqual([teapot.name]);
    expect(quantities(first.cart)).toEqual({ [kettle.id]: 1, [mug.id]: 1 });

    // Again: the quantities add to what the cart holds, never past the stock.
    const second = await shopCaller(user).cart.buyAgain({ orderId: order.id });
    expect(quantities(second.cart)).toEqual({ [kettle.id]: 2, [mug.id]: 1 });
  });

  it("answers NOT_FOUND for someone else's order, and adds nothing", async () => {
    const category = await createTestCategory();
    const lamp = await createTestProduct({ categoryId: category.id, name: "Not yours lamp" });
    const owner = await createShopUser();
    const order = await createTestOrder(owner.id, [lamp.id]);
    const outsider = await createShopUser();
    await expect(shopCaller(outsider).cart.buyAgain({ orderId: order.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await shopCaller(outsider).cart.get()).lines).toEqual([]);
  });
});
