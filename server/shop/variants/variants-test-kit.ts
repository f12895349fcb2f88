import type { Db } from "@/server/platform/db";
import { createTestProduct } from "../orders/orders-test-kit";
import { combinationsOf, type ProductOption } from "./variant-rules";

/**
 * A product sold in Size × Colour (S, M × Black, White by default), each
 * combination with the stock given in `stock` (in combination order), the
 * product's own counters set to their sums as the variant editor leaves them.
 */
export async function createVariantProduct(
  db: Db,
  {
    stock,
    options = [
      { name: "Size", values: ["S", "M"] },
      { name: "Colour", values: ["Black", "White"] },
    ],
    priceCents = 2_000,
    name,
  }: { stock: number[]; options?: ProductOption[]; priceCents?: number; name?: string },
) {
  const product = await createTestProduct(db, { onHand: stock.reduce((sum, units) => sum + units, 0), priceCents, name });
  await db.product.update({ where: { id: product.id }, data: { options } });
  const variants = await Promise.all(
    combinationsOf(options).map((optionValues, position) =>
      db.productVariant.create({
        data: { productId: product.id, optionValues, position, sku: `${product.slug}-${optionValues.join("-")}`.toUpperCase(), onHand: stock[position] ?? 0 },
      }),
    ),
  );
  return { product, variants };
}

export async function variantStockOf(db: Db, variantId: string) {
  const variant = await db.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { onHand: true, reserved: true } });
  return { ...variant, available: variant.onHand - variant.reserved };
}
