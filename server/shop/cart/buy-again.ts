import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { getViewableOrderOrThrow, type OrderViewer } from "../orders/get-viewable-order-or-throw";
import type { CartId } from "./cart-id";
import { lineCapFor, loadCartProducts } from "./cart-products";
import { cartLineKey, mergeIntoCart } from "./cart-store";
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
  // A variant deleted since (variantId null on the item) is not bought again as the plain product.
  const refs = order.items.map((item) => ({ productId: item.productId, variantId: item.variantId }));
  const products = await loadCartProducts(db, refs);
  const lines = order.items.map((item, index) => {
    const ref = refs[index] ?? { productId: item.productId };
    const cap = item.variantLabel && !item.variantId ? 0 : lineCapFor(products.get(cartLineKey(ref)));
    return { ...ref, quantity: item.quantity, cap };
  });
  await mergeIntoCart(redis, cartId, lines.filter((line) => line.cap > 0));
  return {
    cart: await getCart({ db, redis, cartId }),
    unavailable: order.items.filter((_, index) => (lines[index]?.cap ?? 0) === 0).map((item) => (item.variantLabel ? `${item.productName} (${item.variantLabel})` : item.productName)),
  };
}
