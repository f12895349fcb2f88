import { z } from "zod";
import { env } from "@/server/env";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import type { CartId } from "../cart/cart-id";
import { getCart } from "../cart/get-cart";
import { describeDiscount } from "../discounts/discount-rules";
import { priceCheckout } from "./price-checkout";
import type { OrderTotals } from "./order-totals";

export const QuoteCheckoutInput = z.object({
  /** As typed; an unknown or malformed code is answered in `discountError`, not refused. */
  discountCode: z.string().max(64).optional(),
  /** The shipping country chosen so far (ISO alpha-2); without it there is no tax line yet. */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** The checkout page's totals for the caller's cart, with the code and country chosen so far. */
export type CheckoutQuote = OrderTotals & {
  currency: string;
  /** The country the tax line is for; null before one is chosen. */
  taxCountry: string | null;
  discount: { code: string; label: string } | null;
  discountError: string | null;
};

/**
 * What the order would cost if placed now. Read-only: the code's use is
 * counted only when the order is written (start-checkout.ts), where every
 * figure is computed again.
 */
export async function quoteCheckout({
  db,
  redis,
  cartId,
  limitKey,
  input,
  now = new Date(),
}: {
  db: Db;
  redis: Redis;
  cartId: CartId | null;
  /** Whose discount-code window a code look-up spends: `user:<id>` or `ip:<address>`. */
  limitKey: string;
  input: z.output<typeof QuoteCheckoutInput>;
  now?: Date;
}): Promise<CheckoutQuote> {
  const cart = await getCart({ db, redis, cartId });
  const discountCode = input.discountCode?.trim() || undefined;
  const priced = await priceCheckout(db, { subtotalCents: cart.subtotalCents, discountCode, country: input.country ?? null, limitKey, now });
  return {
    ...priced.totals,
    currency: env.SHOP_CURRENCY,
    taxCountry: input.country ?? null,
    discount: priced.discount ? { code: priced.discount.code, label: describeDiscount(priced.discount, env.SHOP_CURRENCY) } : null,
    discountError: priced.discountError,
  };
}
