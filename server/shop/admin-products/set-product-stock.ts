import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { invalidateProductCache } from "@/server/shop/catalog/product-cache";
import { ADMIN_PRODUCT_SELECT, toAdminProductView, type AdminProductView } from "./admin-product-view";
import { StockInput } from "./product-fields";

export const SetProductStockInput = z.object({ id: z.string().min(1).max(64), onHand: StockInput });

/**
 * Sets the units on hand (a stock count). Units reserved by unpaid orders
 * cannot be counted away: the UPDATE only applies while onHand ≥ reserved,
 * checked in the same statement, so a checkout reserving at the same moment
 * can never be left holding stock that no longer exists. A product with
 * variants counts stock per variant (setVariants), so it is refused here.
 */
export async function setProductStock({ db, redis, input }: { db: Db; redis: Redis; input: z.output<typeof SetProductStockInput> }): Promise<AdminProductView> {
  const changed = await db.$executeRaw`
    UPDATE "shop_product" SET "onHand" = ${input.onHand}, "updatedAt" = now()
     WHERE "id" = ${input.id} AND "reserved" <= ${input.onHand}
       AND NOT EXISTS (SELECT 1 FROM "shop_product_variant" v WHERE v."productId" = ${input.id})`;
  const row = await db.product.findUnique({ where: { id: input.id }, select: ADMIN_PRODUCT_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "That product no longer exists.");
  if (row.variants.length > 0) throw new AppError("CONFLICT", "This product counts stock per variant: edit it under Variants.", { field: "onHand" });
  if (changed === 0) {
    throw new AppError("CONFLICT", `${row.reserved} ${row.reserved === 1 ? "unit is" : "units are"} reserved by unpaid orders, so stock cannot go below ${row.reserved}.`, {
      field: "onHand",
    });
  }
  await invalidateProductCache(redis, row.slug);
  return toAdminProductView(row);
}
