import type { Db } from "@/server/platform/db";
import { PRODUCT_ROW_SELECT, toProductView, type ProductView } from "./product-view";

/** How many related products a product page shows (one row of the grid on a wide screen). */
export const RELATED_PRODUCTS_LIMIT = 4;

/**
 * "You may also like": other products on sale in the same category, the same
 * brand's first, each group most reviewed first. At most two small indexed
 * queries (the second only when the brand has too few).
 */
export async function listRelatedProducts({ db, product }: { db: Db; product: Pick<ProductView, "id" | "brand" | "category"> }): Promise<ProductView[]> {
  const where = { active: true, id: { not: product.id }, category: { slug: product.category.slug } };
  const orderBy = [{ ratingCount: "desc" as const }, { createdAt: "desc" as const }, { id: "asc" as const }];
  const sameBrand = await db.product.findMany({ where: { ...where, brand: product.brand }, orderBy, take: RELATED_PRODUCTS_LIMIT, select: PRODUCT_ROW_SELECT });
  const others =
    sameBrand.length < RELATED_PRODUCTS_LIMIT
      ? await db.product.findMany({ where: { ...where, brand: { not: product.brand } }, orderBy, take: RELATED_PRODUCTS_LIMIT - sameBrand.length, select: PRODUCT_ROW_SELECT })
      : [];
  return [...sameBrand, ...others].map(toProductView);
}
