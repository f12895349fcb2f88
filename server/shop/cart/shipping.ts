import { env } from "@/server/env";

/**
 * The one shipping rule, shared by the cart view and the order totals so the
 * two always agree: a flat SHOP_SHIPPING_CENTS, free once the subtotal reaches
 * SHOP_FREE_SHIPPING_FROM_CENTS. Nothing to ship (subtotal 0) costs nothing.
 */
export function shippingCentsFor(subtotalCents: number): number {
  if (subtotalCents <= 0 || subtotalCents >= env.SHOP_FREE_SHIPPING_FROM_CENTS) return 0;
  return env.SHOP_SHIPPING_CENTS;
}

/** How much more the subtotal needs before shipping is free (0 once it is, or for an empty cart). */
export function centsToFreeShipping(subtotalCents: number): number {
  if (subtotalCents <= 0) return 0;
  return Math.max(0, env.SHOP_FREE_SHIPPING_FROM_CENTS - subtotalCents);
}
