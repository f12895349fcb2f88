import { env } from "@/server/env";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import type { CartId } from "./cart-id";
import { loadCartProducts, type CartProduct } from "./cart-products";
import { cartLineKey, readCartLines, type CartLine } from "./cart-store";
import { centsToFreeShipping, shippingCentsFor } from "./shipping";

/** Why a line cannot be checked out as it is; the cart page offers a fix for each. */
/** `choose_option`: the line names no variant of a product that has gained variants (size, colour...) since it was added. */
export type CartProblem = "sold_out" | "not_enough_stock" | "unavailable" | "choose_option";

export type CartLineView = {
  productId: string;
  /** The variant chosen, for a product with variants (label and SKU are on `product.variant`). */
  variantId: string | null;
  /** Null when the product was deleted. */
  product: CartProduct | null;
  quantity: number;
  lineTotalCents: number;
  problem: CartProblem | null;
};

/**
 * The cart as the shopper sees it, priced at today's prices. Totals count only
 * the lines that can be bought as they are; checkout stays closed while any
 * line has a problem. The guest cart's id is a secret (it is the cookie), so it
 * is not part of the view.
 */
export type CartView = {
  lines: CartLineView[];
  subtotalCents: number;
  shippingCents: number;
  totalCents: number;
  currency: string;
  /** Units across all lines, for the header badge. */
  itemCount: number;
  /** What the subtotal still lacks for free shipping (0 once free, or when empty). */
  freeShippingRemainingCents: number;
};

export async function getCart({ db, redis, cartId }: { db: Db; redis: Redis; cartId: CartId | null }): Promise<CartView> {
  const lines = cartId ? await readCartLines(redis, cartId) : [];
  const products = await loadCartProducts(db, lines);
  const views = lines.map((line) => lineView(line, products.get(cartLineKey(line))));
  const subtotalCents = views.reduce((sum, line) => (line.problem ? sum : sum + line.lineTotalCents), 0);
  const shippingCents = shippingCentsFor(subtotalCents);
  return {
    lines: views,
    subtotalCents,
    shippingCents,
    totalCents: subtotalCents + shippingCents,
    currency: env.SHOP_CURRENCY,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    freeShippingRemainingCents: centsToFreeShipping(subtotalCents),
  };
}

function lineView(line: CartLine, product: CartProduct | undefined): CartLineView {
  return {
    productId: line.productId,
    variantId: line.variantId ?? null,
    product: product ?? null,
    quantity: line.quantity,
    lineTotalCents: product ? product.priceCents * line.quantity : 0,
    problem: problemOf(line, product),
  };
}

function problemOf(line: CartLine, product: CartProduct | undefined): CartProblem | null {
  // A product priced in another currency cannot be added into this shop's totals, so it cannot be bought here.
  if (product?.needsVariant && product.currency === env.SHOP_CURRENCY) return "choose_option";
  if (!product?.active || product.currency !== env.SHOP_CURRENCY) return "unavailable";
  if (product.available === 0) return "sold_out";
  if (line.quantity > product.available) return "not_enough_stock";
  return null;
}
