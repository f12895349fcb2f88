import { z } from "zod";
import { publicProcedure, router } from "@/server/trpc/init";
import { getCatalogHome } from "./get-catalog-home";
import { getProductOrThrow } from "./get-product-or-throw";
import { SearchProductsInput } from "./search-options";
import { searchProducts } from "./search-products";

/**
 * The catalog, open to everyone (signed in or not). Inputs are the zod
 * schemas here and in search-options.ts (the vocabulary of price ranges and
 * sorts, shared with the browser); outputs the operations' views
 * (product-view.ts); facet counts are disjunctive (search-products.ts).
 */
export const catalogRouter = router({
  home: publicProcedure.query(({ ctx }) => getCatalogHome({ db: ctx.db })),
  search: publicProcedure.input(SearchProductsInput).query(({ ctx, input }) => searchProducts({ db: ctx.db, params: input })),
  product: publicProcedure
    .input(z.object({ slug: z.string().trim().min(1).max(200) }))
    .query(({ ctx, input }) => getProductOrThrow({ db: ctx.db, redis: ctx.redis, slug: input.slug })),
});
