import type { Db } from "@/server/platform/db";
import { variantLabelOf } from "../variants/variant-rules";
import { MAX_QUANTITY_PER_LINE } from "./cart-limits";
import { cartLineKey, type CartLineRef } from "./cart-store";

/**
 * What the cart needs to know about a line's product (and variant), read fresh
 * from Postgres (prices and stock are never cached here). For a variant, price
 * and stock are the variant's.
 */
export type CartProduct = {
  id: string;
  slug: string;
  name: string;
  brand: string;
  priceCents: number;
  currency: string;
  /** First gallery image, or null when the product has none. */
  image: string | null;
  /** onHand − reserved, never below zero. */
  available: number;
  /** False also for a variant line whose variant was deleted, or a product line of a product that now has variants. */
  active: boolean;
  /** The size/colour chosen ("M · Black") and its SKU; null for a product without variants. */
  variant: { id: string; label: string; sku: string } | null;
  /** The line names no variant but the (still active) product has variants: the shopper must choose one. */
  needsVariant: boolean;
};

/** The products of `lines`, keyed by cart line key (cart-store.ts). */
export async function loadCartProducts(db: Db, lines: CartLineRef[]): Promise<Map<string, CartProduct>> {
  if (lines.length === 0) return new Map();
  const variantIds = lines.flatMap((line) => (line.variantId ? [line.variantId] : []));
  const [products, variants] = await Promise.all([
    db.product.findMany({
      where: { id: { in: [...new Set(lines.map((line) => line.productId))] } },
      select: {
        id: true,
        slug: true,
        name: true,
        brand: true,
        priceCents: true,
        currency: true,
        images: true,
        onHand: true,
        reserved: true,
        active: true,
        _count: { select: { variants: true } },
      },
    }),
    variantIds.length > 0
      ? db.productVariant.findMany({ where: { id: { in: variantIds } }, select: { id: true, productId: true, optionValues: true, sku: true, priceCents: true, onHand: true, reserved: true } })
      : [],
  ]);
  const productsById = new Map(products.map((product) => [product.id, product]));
  const variantsById = new Map(variants.map((variant) => [variant.id, variant]));
  const result = new Map<string, CartProduct>();
  for (const line of lines) {
    const row = productsById.get(line.productId);
    if (!row) continue;
    const { images, onHand, reserved, _count, ...product } = row;
    const base = { ...product, image: images[0] ?? null, variant: null, needsVariant: false, available: Math.max(0, onHand - reserved) };
    if (!line.variantId) {
      // A product that has gained variants cannot be bought without choosing one.
      result.set(cartLineKey(line), _count.variants > 0 ? { ...base, active: false, needsVariant: product.active } : base);
      continue;
    }
    const variant = variantsById.get(line.variantId);
    result.set(
      cartLineKey(line),
      variant && variant.productId === row.id
        ? {
            ...base,
            priceCents: variant.priceCents ?? product.priceCents,
            available: Math.max(0, variant.onHand - variant.reserved),
            variant: { id: variant.id, label: variantLabelOf(variant.optionValues), sku: variant.sku },
          }
        : { ...base, active: false },
    );
  }
  return result;
}

/** How many of a product one cart line may hold: the per-line limit or the stock, whichever is lower. */
export function lineCapFor(product: CartProduct | undefined): number {
  if (!product?.active) return 0;
  return Math.min(MAX_QUANTITY_PER_LINE, product.available);
}
