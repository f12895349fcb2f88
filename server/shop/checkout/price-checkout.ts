import { env } from "@/server/env";
import type { Db } from "@/server/platform/db";
import { consume } from "@/server/platform/ratelimit";
import { findDiscount, type UsableDiscount } from "../discounts/find-discount";
import { computeOrderTotals, type OrderTotals } from "./order-totals";

export type PricedCheckout = {
  totals: OrderTotals;
  /** The code that applies, with what it takes off; null without a code or when it was refused. */
  discount: UsableDiscount | null;
  /** Why the code typed does not apply, as the buyer reads it. */
  discountError: string | null;
};

/**
 * A subtotal, an optional code and the shipping country → the order's
 * totals; shared by the quote and the checkout itself. Every look-up of a
 * code spends a point of the caller's `discount-code` window (`limitKey`:
 * user or guest IP), known codes included, so a guesser learns nothing once
 * the window is spent.
 */
export async function priceCheckout(
  db: Db,
  {
    subtotalCents,
    discountCode,
    country,
    limitKey,
    now,
  }: { subtotalCents: number; discountCode: string | undefined; country: string | null; limitKey: string; now: Date },
): Promise<PricedCheckout> {
  const found = discountCode ? await lookUpDiscount(db, { code: discountCode, subtotalCents, limitKey, now }) : null;
  const discount = found?.discount ?? null;
  return {
    totals: computeOrderTotals({ subtotalCents, discountCents: discount?.discountCents ?? 0, country }),
    discount,
    discountError: found?.error ?? null,
  };
}

async function lookUpDiscount(db: Db, { code, subtotalCents, limitKey, now }: { code: string; subtotalCents: number; limitKey: string; now: Date }) {
  const limit = await consume("discount-code", limitKey);
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return { discount: null, error: `Too many codes tried. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
  return findDiscount(db, { code, subtotalCents, currency: env.SHOP_CURRENCY, now });
}
