import { env } from "@/server/env";
import { shippingCentsFor } from "../cart/shipping";

/** An order's money, in minor units of SHOP_CURRENCY. */
export type OrderTotals = {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  /** The shipping country's rate (1900 = 19 %); null until a country is known. */
  taxRateBasisPoints: number | null;
  totalCents: number;
};

/** The rate SHOP_TAX_RATES sets for a country; countries not listed pay none. */
export function taxRateFor(country: string): number {
  return env.SHOP_TAX_RATES[country.toUpperCase()] ?? 0;
}

/**
 * The one place the parts of a total are put together, for the checkout
 * quote and the order alike:
 * - the discount comes off the subtotal;
 * - shipping follows the subtotal before the discount, so the cart's
 *   "free shipping from …" promise still holds at checkout;
 * - tax is charged on what the buyer pays for (subtotal − discount +
 *   shipping) at the shipping country's rate, rounded half up to the cent, in
 *   integers (basis points) so no float ever touches money.
 */
export function computeOrderTotals({ subtotalCents, discountCents, country }: { subtotalCents: number; discountCents: number; country: string | null }): OrderTotals {
  const shippingCents = shippingCentsFor(subtotalCents);
  const taxRateBasisPoints = country ? taxRateFor(country) : null;
  const taxable = subtotalCents - discountCents + shippingCents;
  const taxCents = taxRateBasisPoints === null ? 0 : Math.floor((taxable * taxRateBasisPoints + 5_000) / 10_000);
  return { subtotalCents, discountCents, shippingCents, taxCents, taxRateBasisPoints, totalCents: taxable + taxCents };
}
