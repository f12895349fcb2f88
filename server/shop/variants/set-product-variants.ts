import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { ADMIN_PRODUCT_SELECT, toAdminProductView, type AdminProductView } from "../admin-products/admin-product-view";
import { optionColumnsOf } from "../catalog/option-keys";
import { invalidateProductCache } from "../catalog/product-cache";
import { SHOP_TRANSACTION } from "../inventory";
import { planProblem, variantLabelOf, VariantPlan } from "./variant-rules";

export const SetProductVariantsInput = VariantPlan.extend({ productId: z.string().min(1).max(64) });

type Tx = Prisma.TransactionClient;
const keyOf = (optionValues: readonly string[]) => JSON.stringify(optionValues);

/**
 * Replaces a product's options and variants with `input` (the editor sends the
 * whole table). Variants are matched by their option values, so an edited
 * row keeps its id, its holds and its order history; rows left out are
 * deleted. Runs with the product row locked, the same lock every checkout
 * takes first (inventory.ts), so no hold can slip in between the checks and
 * the writes: stock is never counted below what unpaid orders hold, a held
 * variant is not deleted, and a product does not switch between one stock
 * and stock per variant while anything is held. The product's onHand becomes
 * the variants' sum.
 */
export async function setProductVariants({ db, redis, input }: { db: Db; redis: Redis; input: z.output<typeof SetProductVariantsInput> }): Promise<AdminProductView> {
  const problem = planProblem(input);
  if (problem) throw new AppError("BAD_REQUEST", problem, { field: "variants" });
  const takenSku = await db.productVariant.findFirst({
    where: { sku: { in: input.variants.map((variant) => variant.sku) }, productId: { not: input.productId } },
    select: { sku: true, product: { select: { name: true } } },
  });
  if (takenSku) throw new AppError("CONFLICT", `The SKU ${takenSku.sku} is already used by ${takenSku.product.name}.`, { field: "variants" });

  const slug = await db.$transaction((tx) => writeVariants(tx, input), SHOP_TRANSACTION);
  await invalidateProductCache(redis, slug);
  return toAdminProductView(await db.product.findUniqueOrThrow({ where: { id: input.productId }, select: ADMIN_PRODUCT_SELECT }));
}

async function writeVariants(tx: Tx, input: z.output<typeof SetProductVariantsInput>): Promise<string> {
  const { productId } = input;
  const [product] = await tx.$queryRaw<Array<{ slug: string; reserved: number }>>`
    SELECT "slug", "reserved" FROM "shop_product" WHERE "id" = ${productId} FOR UPDATE`;
  if (!product) throw new AppError("NOT_FOUND", "That product no longer exists.");
  const existing = await tx.productVariant.findMany({ where: { productId }, select: { id: true, optionValues: true, reserved: true } });

  const switching = (existing.length === 0) !== (input.variants.length === 0);
  if (switching && product.reserved > 0) {
    throw new AppError("CONFLICT", `${unitCount(product.reserved)} ${product.reserved === 1 ? "is" : "are"} held by unpaid orders; change the options once they are paid or released.`, { field: "variants" });
  }
  const wanted = new Set(input.variants.map((variant) => keyOf(variant.optionValues)));
  const removed = existing.filter((variant) => !wanted.has(keyOf(variant.optionValues)));
  const held = removed.find((variant) => variant.reserved > 0);
  if (held) throw new AppError("CONFLICT", `${variantLabelOf(held.optionValues)} has ${unitCount(held.reserved)} held by unpaid orders, so it cannot be removed yet.`, { field: "variants" });

  await tx.productVariant.deleteMany({ where: { id: { in: removed.map((variant) => variant.id) } } });
  // Kept rows may trade SKUs with each other; park them on their (lower-case, never a SKU) ids first.
  await tx.$executeRaw`UPDATE "shop_product_variant" SET "sku" = "id" WHERE "productId" = ${productId}`;
  const byKey = new Map(existing.map((variant) => [keyOf(variant.optionValues), variant]));
  // Search's option columns follow every write of the options (a renamed option renames every variant's keys).
  const options = input.variants.length > 0 ? input.options : [];
  const { optionLabels, optionRanks, variantKeys } = optionColumnsOf(options, input.variants.map((variant) => variant.optionValues));
  for (const [position, variant] of input.variants.entries()) {
    const current = byKey.get(keyOf(variant.optionValues));
    const data = { sku: variant.sku, priceCents: variant.priceCents, onHand: variant.onHand, position, optionKeys: variantKeys[position] ?? [] };
    if (!current) {
      await tx.productVariant.create({ data: { ...data, productId, optionValues: variant.optionValues } });
    } else if (variant.onHand < current.reserved) {
      throw new AppError("CONFLICT", `${variantLabelOf(variant.optionValues)}: ${unitCount(current.reserved)} ${current.reserved === 1 ? "is" : "are"} reserved by unpaid orders, so stock cannot go below ${current.reserved}.`, {
        field: "variants",
      });
    } else {
      await tx.productVariant.update({ where: { id: current.id }, data });
    }
  }

  await tx.product.update({ where: { id: productId }, data: { options, optionLabels, optionRanks } });
  if (input.variants.length > 0) {
    await tx.$executeRaw`
      UPDATE "shop_product"
         SET "onHand" = (SELECT COALESCE(sum("onHand"), 0)::int FROM "shop_product_variant" WHERE "productId" = ${productId})
       WHERE "id" = ${productId}`;
  }
  return product.slug;
}

function unitCount(count: number): string {
  return count === 1 ? "1 unit" : `${count} units`;
}
