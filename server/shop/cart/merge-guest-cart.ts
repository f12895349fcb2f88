import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import type { CartId } from "./cart-id";
import { lineCapFor, loadCartProducts } from "./cart-products";
import { cartLineKey, mergeIntoCart, takeCart } from "./cart-store";

/**
 * Moves a guest cart into the signed-in user's cart: quantities add up, each
 * capped at the per-line limit and the current stock (lines for products that
 * are gone or sold out are dropped; the user's own quantities are never
 * lowered). The guest cart is taken atomically first, so when two requests
 * race, only one of them merges and the other finds nothing to do.
 */
export async function mergeGuestCart({ db, redis, guestCartId, userCartId }: { db: Db; redis: Redis; guestCartId: CartId; userCartId: CartId }): Promise<void> {
  const guestLines = await takeCart(redis, guestCartId);
  if (guestLines.length === 0) return;
  const products = await loadCartProducts(db, guestLines);
  const capped = guestLines.map((line) => ({ ...line, cap: lineCapFor(products.get(cartLineKey(line))) }));
  await mergeIntoCart(redis, userCartId, capped);
}
