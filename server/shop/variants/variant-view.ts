import type { Db } from "@/server/platform/db";
import { variantLabelOf } from "./variant-rules";

/** A variant as shoppers see it: its price (the override or the product's) and live stock. */
export type VariantView = {
  id: string;
  optionValues: string[];
  /** "M · Black". */
  label: string;
  sku: string;
  priceCents: number;
  /** onHand − reserved, floored at 0, read live. */
  available: number;
};

/** What staff see: the stock behind `available` and whether the price is the product's. */
export type AdminVariantView = VariantView & { onHand: number; reserved: number; priceOverrideCents: number | null };

export const VARIANT_ROW_SELECT = { id: true, optionValues: true, sku: true, priceCents: true, onHand: true, reserved: true } as const;
type VariantRow = { id: string; optionValues: string[]; sku: string; priceCents: number | null; onHand: number; reserved: number };

export function toAdminVariantView(row: VariantRow, productPriceCents: number): AdminVariantView {
  return {
    id: row.id,
    optionValues: row.optionValues,
    label: variantLabelOf(row.optionValues),
    sku: row.sku,
    priceCents: row.priceCents ?? productPriceCents,
    available: Math.max(0, row.onHand - row.reserved),
    onHand: row.onHand,
    reserved: row.reserved,
    priceOverrideCents: row.priceCents,
  };
}

/** A product's variants in the editor's order, with live stock (never cached). */
export async function loadVariantViews(db: Db, { productId, productPriceCents }: { productId: string; productPriceCents: number }): Promise<VariantView[]> {
  const rows = await db.productVariant.findMany({ where: { productId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: VARIANT_ROW_SELECT });
  return rows.map((row) => {
    const { onHand: _onHand, reserved: _reserved, priceOverrideCents: _override, ...view } = toAdminVariantView(row, productPriceCents);
    return view;
  });
}
