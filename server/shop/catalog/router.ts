import { z } from "zod";
import { publicProcedure, router } from "@/server/trpc/init";
import { getCatalogHome } from "./get-catalog-home";
import { getProductOrThrow } from "./get-product-or-throw";
import { SearchProductsInput } from "./search-options";
import { searchProducts } from "./search-products";

/**
 * The catalog, open to everyone (signed in or not).
 *
 * shop.catalog.home     query → { categories: { slug, name, description, productCount }[], featured: ProductView[] }
 * shop.catalog.search   query { q? (≤ 200 chars), category?: slug[], brand?: string[], price?: PriceRangeKey[],
 *                               rating?: 1..4 | null, inStock?: boolean, sort?: SortKey, page?: 1..100 }
 *                       → { items: ProductView[] (24 a page), total, page, pageSize, pageCount,
 *                           facets: { categories, brands, prices, ratings: FacetOption[], inStock: { count, selected } } }
 *                       FacetOption = { value, label, count, selected }; counts are disjunctive (search-products.ts).
 * shop.catalog.product  query { slug } → ProductView   NOT_FOUND for unknown or hidden products
 *
 * ProductView: server/shop/catalog/product-view.ts. Vocabulary (price ranges, sorts): search-options.ts.
 */
export const catalogRouter = router({
  home: publicProcedure.query(({ ctx }) => getCatalogHome({ db: ctx.db })),
  search: publicProcedure.input(SearchProductsInput).query(({ ctx, input }) => searchProducts({ db: ctx.db, params: input })),
  product: publicProcedure
    .input(z.object({ slug: z.string().trim().min(1).max(200) }))
    .query(({ ctx, input }) => getProductOrThrow({ db: ctx.db, redis: ctx.redis, slug: input.slug })),
});
