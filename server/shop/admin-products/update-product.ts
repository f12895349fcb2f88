import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { invalidateProductCache } from "@/server/shop/catalog/product-cache";
import { ADMIN_PRODUCT_SELECT, toAdminProductView, type AdminProductView } from "./admin-product-view";
import { getCategoryIdOrThrow } from "./get-category-id-or-throw";
import { ProductFields } from "./product-fields";

/** Omitted fields stay as they are; the slug never changes, so links and carts keep working. */
export const UpdateProductInput = ProductFields.partial().extend({ id: z.string().min(1).max(64) });

export async function updateProduct({ db, redis, input }: { db: Db; redis: Redis; input: z.output<typeof UpdateProductInput> }): Promise<AdminProductView> {
  const { id, categorySlug, ...fields } = input;
  const categoryId = categorySlug ? await getCategoryIdOrThrow(db, categorySlug) : undefined;
  const updated = await db.product.updateManyAndReturn({ where: { id }, data: { ...fields, ...(categoryId ? { categoryId } : {}) }, select: { id: true } });
  if (updated.length === 0) throw new AppError("NOT_FOUND", "That product no longer exists.");
  const row = await db.product.findUniqueOrThrow({ where: { id }, select: ADMIN_PRODUCT_SELECT });
  await invalidateProductCache(redis, row.slug);
  return toAdminProductView(row);
}
