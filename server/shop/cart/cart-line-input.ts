import { z } from "zod";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import type { CartId } from "./cart-id";

/** A line of a cart as the shopper changes it: adding units, or setting its quantity (0 removes it). */
export const CartLineInput = z.object({
  productId: z.string().min(1).max(64),
  /** Required for a product with variants (the size/colour chosen); absent otherwise. */
  variantId: z.string().min(1).max(64).nullish(),
  quantity: z.number().int(),
});

/** What a change to one line of one cart needs. */
export type CartLineChange = { db: Db; redis: Redis; cartId: CartId; input: z.infer<typeof CartLineInput> };
