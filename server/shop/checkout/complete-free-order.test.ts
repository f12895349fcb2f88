import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { userCartId } from "../cart/cart-id";
import { readCartLines } from "../cart/cart-store";
import { TEST_ADDRESS, createTestBuyer, createTestProduct, fillCart, shopCaller, stockOf } from "../orders/orders-test-kit";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

describe("an order the discount covers entirely", () => {
  it("completes without a payment session, commits the stock and empties the cart; cancelling restocks it", async () => {
    // Above the free-shipping threshold, so a 100 % code leaves nothing to pay (no tax in the US).
    const priceCents = Math.max(env.SHOP_FREE_SHIPPING_FROM_CENTS, 1_000);
    const product = await createTestProduct(db, { onHand: 3, priceCents });
    const code = await db.discountCode.create({ data: { code: `FREE${randomUUID().slice(0, 8).toUpperCase()}`, kind: "percent", value: 100 } });
    const user = await createTestBuyer(db);
    await fillCart(userCartId(user.id), [{ productId: product.id, quantity: 1 }]);
    const caller = shopCaller({ user });

    const quote = await caller.shop.checkout.quote({ discountCode: code.code, country: "US" });
    expect(quote).toMatchObject({ discountCents: priceCents, shippingCents: 0, taxCents: 0, totalCents: 0, discountError: null });

    const started = await caller.shop.checkout.start({ shippingAddress: TEST_ADDRESS, discountCode: code.code });
    expect(started.url).toMatch(new RegExp(`/shop/orders/${started.orderId}\\?checkout=success$`));
    const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId }, include: { events: { orderBy: { id: "asc" } } } });
    expect(order).toMatchObject({ status: "paid", totalCents: 0, checkoutSessionId: null, paymentIntentId: null, discountCode: code.code });
    expect(order.paidAt).not.toBeNull();
    expect(order.events.map((event) => event.status)).toEqual(["created", "paid"]);
    expect(await stockOf(db, product.id)).toEqual({ onHand: 2, reserved: 0, available: 2 });
    expect(await readCartLines(redis, userCartId(user.id))).toEqual([]);

    const cancelled = await caller.shop.orders.cancel({ orderId: order.id });
    expect(cancelled.status).toBe("cancelled");
    expect(await stockOf(db, product.id)).toEqual({ onHand: 3, reserved: 0, available: 3 });
  });
});
