import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { getViewableOrderOrThrow, type OrderViewer } from "../orders/get-viewable-order-or-throw";
import type { CartId } from "./cart-id";
import { lineCapFor, loadCartProducts } from "./cart-products";
import { mergeIntoCart } from "./cart-store";
import { getCart, type CartView } from "./get-cart";

export type BuyAgainResult = {
  cart: CartView;
  /** Names of the order's products that could not be added: sold out or no longer sold. */
  unavailable: string[];
};

/**
 * "Buy again": the order's lines go into the caller's cart, as many of each as
 * were ordered, capped like any cart line (per-line limit and today's stock)
 * and counted with what the cart already holds, in one atomic Redis step
 * (cart-store.ts). Prices are today's: the cart is priced when it is read.
 */
export async function buyAgain({
  db,
  redis,
  cartId,
  orderId,
  viewer,
}: {
  db: Db;
  redis: Redis;
  cartId: CartId;
  orderId: string;
  viewer: OrderViewer;
}): Promise<BuyAgainResult> {
  const order = await getViewableOrderOrThrow(db, { orderId, viewer });
  const products = await loadCartProducts(db, order.items.map((item) => item.productId));
  const lines = order.items.map((item) => ({ productId: item.productId, quantity: item.quantity, cap: lineCapFor(products.get(item.productId)) }));
  await mergeIntoCart(redis, cartId, lines.filter((line) => line.cap > 0));
  return {
    cart: await getCart({ db, redis, cartId }),
    unavailable: order.items.filter((_, index) => (lines[index]?.cap ?? 0) === 0).map((item) => item.productName),
  };
}
