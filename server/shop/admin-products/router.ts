import { adminProcedure, router } from "@/server/trpc/init";
import { CreateProductInput, createProduct } from "./create-product";
import { ListAdminProductsInput, listAdminProducts } from "./list-admin-products";
import { SetProductStockInput, setProductStock } from "./set-product-stock";
import { UpdateProductInput, updateProduct } from "./update-product";
import { SetProductVariantsInput, setProductVariants } from "../variants/set-product-variants";

/**
 * Staff manage the catalog (role admin; anyone else gets FORBIDDEN). Inputs
 * are the zod schemas imported here, outputs AdminProductView
 * (admin-product-view.ts). Every change drops the product's cache entry.
 */
export const adminProductsRouter = router({
  list: adminProcedure.input(ListAdminProductsInput).query(({ ctx, input }) => listAdminProducts({ db: ctx.db, input })),
  create: adminProcedure.input(CreateProductInput).mutation(({ ctx, input }) => createProduct({ db: ctx.db, input })),
  update: adminProcedure.input(UpdateProductInput).mutation(({ ctx, input }) => updateProduct({ db: ctx.db, redis: ctx.redis, input })),
  setStock: adminProcedure.input(SetProductStockInput).mutation(({ ctx, input }) => setProductStock({ db: ctx.db, redis: ctx.redis, input })),
  /** The whole options-and-variants table of one product (variants/set-product-variants.ts). */
  setVariants: adminProcedure.input(SetProductVariantsInput).mutation(({ ctx, input }) => setProductVariants({ db: ctx.db, redis: ctx.redis, input })),
});
