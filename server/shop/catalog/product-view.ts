/**
 * A product as every Shop client sees it. Money is integer minor units with
 * its currency (format with Intl.NumberFormat in the browser); `available` is
 * onHand − reserved, floored at 0, and always read live (never from a cache).
 */
export type ProductView = {
  id: string;
  slug: string;
  name: string;
  description: string;
  brand: string;
  category: { slug: string; name: string };
  priceCents: number;
  currency: string;
  images: string[];
  available: number;
  ratingAvg: number;
  ratingCount: number;
  featured: boolean;
  active: boolean;
};

/** The columns a ProductView is made from (a Prisma row with its category, or a raw SQL row). */
export type ProductRow = {
  id: string;
  slug: string;
  name: string;
  description: string;
  brand: string;
  priceCents: number;
  currency: string;
  images: string[];
  onHand: number;
  reserved: number;
  ratingAvg: number;
  ratingCount: number;
  featured: boolean;
  active: boolean;
  category: { slug: string; name: string };
};

/** Prisma `select` that yields a ProductRow. */
export const PRODUCT_ROW_SELECT = {
  id: true,
  slug: true,
  name: true,
  description: true,
  brand: true,
  priceCents: true,
  currency: true,
  images: true,
  onHand: true,
  reserved: true,
  ratingAvg: true,
  ratingCount: true,
  featured: true,
  active: true,
  category: { select: { slug: true, name: true } },
} as const;

export function availableOf(row: { onHand: number; reserved: number }): number {
  return Math.max(0, row.onHand - row.reserved);
}

export function toProductView(row: ProductRow): ProductView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    brand: row.brand,
    category: { slug: row.category.slug, name: row.category.name },
    priceCents: row.priceCents,
    currency: row.currency,
    images: row.images,
    available: availableOf(row),
    ratingAvg: Math.round(row.ratingAvg * 10) / 10,
    ratingCount: row.ratingCount,
    featured: row.featured,
    active: row.active,
  };
}
