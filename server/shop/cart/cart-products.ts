import type { Db } from "@/server/platform/db";
import { MAX_QUANTITY_PER_LINE } from "./cart-limits";

/** What the cart needs to know about a product, read fresh from Postgres (prices and stock are never cached here). */
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
  active: boolean;
};

export async function loadCartProducts(db: Db, productIds: string[]): Promise<Map<string, CartProduct>> {
  if (productIds.length === 0) return new Map();
  const rows = await db.product.findMany({
    where: { id: { in: productIds } },
    select: { id: true, slug: true, name: true, brand: true, priceCents: true, currency: true, images: true, onHand: true, reserved: true, active: true },
  });
  return new Map(
    rows.map(({ images, onHand, reserved, ...row }) => [
      row.id,
      { ...row, image: images[0] ?? null, available: Math.max(0, onHand - reserved) },
    ]),
  );
}

/** How many of a product one cart line may hold: the per-line limit or the stock, whichever is lower. */
export function lineCapFor(product: CartProduct | undefined): number {
  if (!product?.active) return 0;
  return Math.min(MAX_QUANTITY_PER_LINE, product.available);
}
