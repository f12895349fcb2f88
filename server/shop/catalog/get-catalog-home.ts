import type { Db } from "@/server/platform/db";
import { PRODUCT_ROW_SELECT, toProductView, type ProductView } from "./product-view";

export type CategorySummary = { slug: string; name: string; description: string; productCount: number };
export type CatalogHome = { categories: CategorySummary[]; featured: ProductView[] };

/** How many featured products the catalog home shows. */
const FEATURED_LIMIT = 8;

/** The shop's front page: every category with its number of products on sale, and the featured products. */
export async function getCatalogHome({ db }: { db: Db }): Promise<CatalogHome> {
  const [categories, featured] = await Promise.all([
    db.productCategory.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { slug: true, name: true, description: true, _count: { select: { products: { where: { active: true } } } } },
    }),
    db.product.findMany({
      where: { active: true, featured: true },
      orderBy: [{ ratingCount: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      take: FEATURED_LIMIT,
      select: PRODUCT_ROW_SELECT,
    }),
  ]);
  return {
    categories: categories.map(({ _count, ...category }) => ({ ...category, productCount: _count.products })),
    featured: featured.map(toProductView),
  };
}
