import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import type { CartId } from "../cart/cart-id";
import { clearCart } from "../cart/cart-store";
import { commitStock } from "../inventory";
import { changeOrderStatus } from "../orders/change-order-status";

/**
 * An order a discount covers entirely (a total of 0) has nothing to pay, and
 * Stripe refuses a Checkout Session for 0. As Shopify does, it completes at
 * once, without a payment session: created → paid with its stock committed
 * and the cart cleared, in the same steps a payment's webhook takes.
 */
export async function completeFreeOrder({ db, redis, orderId, cartId }: { db: Db; redis: Redis; orderId: string; cartId: CartId | null }): Promise<void> {
  const paid = await changeOrderStatus(db, {
    orderId,
    from: ["created"],
    to: "paid",
    note: "Nothing to pay: the discount covered the whole order.",
    data: { paidAt: new Date() },
    effect: (tx) => commitStock(tx, orderId),
  });
  if (paid && cartId) await clearCart(redis, cartId);
}
