import { randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { isUniqueViolation } from "@/server/platform/db-errors";
import { slugify } from "@/server/shop/catalog/demo-catalog-data";
import { ADMIN_PRODUCT_SELECT, toAdminProductView, type AdminProductView } from "./admin-product-view";
import { getCategoryIdOrThrow } from "./get-category-id-or-throw";
import { ProductFields, StockInput } from "./product-fields";

export const CreateProductInput = ProductFields.extend({ onHand: StockInput });

/**
 * A new product under a slug made from its name; when that slug is taken, a
 * short random suffix keeps the URL readable and unique.
 */
export async function createProduct({ db, input }: { db: Db; input: z.output<typeof CreateProductInput> }): Promise<AdminProductView> {
  const { categorySlug, ...fields } = input;
  const categoryId = await getCategoryIdOrThrow(db, categorySlug);
  const base = slugify(input.name) || "product";
  for (const slug of [base, `${base}-${randomBytes(3).toString("hex")}`, `${base}-${randomBytes(6).toString("hex")}`]) {
    try {
      return toAdminProductView(await db.product.create({ data: { ...fields, slug, categoryId }, select: ADMIN_PRODUCT_SELECT }));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new AppError("CONFLICT", "Could not find a free web address for this product; try another name.", { field: "name" });
}
