import { z } from "zod";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import type { CartId } from "./cart-id";
import { removeCartLine, type CartLineRef } from "./cart-store";
import { getCart, type CartView } from "./get-cart";

export const RemoveFromCartInput = z.object({ productId: z.string().min(1).max(64), variantId: z.string().min(1).max(64).nullish() });

/** Removes a line whatever its state (also a deleted product's); removing a missing line is not an error. */
export async function removeFromCart({
  db,
  redis,
  cartId,
  line,
}: {
  db: Db;
  redis: Redis;
  cartId: CartId;
  line: CartLineRef;
}): Promise<CartView> {
  await removeCartLine(redis, cartId, line);
  return getCart({ db, redis, cartId });
}
