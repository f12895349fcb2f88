import { PRODUCT_ROW_SELECT, toProductView, type ProductRow, type ProductView } from "@/server/shop/catalog/product-view";

/** What staff see: the shopper's view plus the stock behind `available`. */
export type AdminProductView = ProductView & { onHand: number; reserved: number; updatedAt: Date };

export const ADMIN_PRODUCT_SELECT = { ...PRODUCT_ROW_SELECT, updatedAt: true } as const;

export function toAdminProductView(row: ProductRow & { updatedAt: Date }): AdminProductView {
  return { ...toProductView(row), onHand: row.onHand, reserved: row.reserved, updatedAt: row.updatedAt };
}
