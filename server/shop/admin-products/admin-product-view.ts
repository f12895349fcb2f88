import { PRODUCT_ROW_SELECT, toProductView, type ProductRow, type ProductView } from "@/server/shop/catalog/product-view";
import { parseProductOptions, type ProductOption } from "@/server/shop/variants/variant-rules";
import { toAdminVariantView, VARIANT_ROW_SELECT, type AdminVariantView } from "@/server/shop/variants/variant-view";

/** What staff see: the shopper's view plus the stock behind `available`, and the options and variants ([] without). */
export type AdminProductView = ProductView & {
  onHand: number;
  reserved: number;
  updatedAt: Date;
  options: ProductOption[];
  variants: AdminVariantView[];
};

export const ADMIN_PRODUCT_SELECT = {
  ...PRODUCT_ROW_SELECT,
  updatedAt: true,
  options: true,
  variants: { select: VARIANT_ROW_SELECT, orderBy: { position: "asc" } },
} as const;

type AdminProductRow = ProductRow & {
  updatedAt: Date;
  options: unknown;
  variants: Array<{ id: string; optionValues: string[]; sku: string; priceCents: number | null; onHand: number; reserved: number }>;
};

export function toAdminProductView(row: AdminProductRow): AdminProductView {
  return {
    ...toProductView(row),
    onHand: row.onHand,
    reserved: row.reserved,
    updatedAt: row.updatedAt,
    options: parseProductOptions(row.options),
    variants: row.variants.map((variant) => toAdminVariantView(variant, row.priceCents)),
  };
}
