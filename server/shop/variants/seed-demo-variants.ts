import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { slugify } from "../catalog/demo-catalog-data";
import { setProductVariants } from "./set-product-variants";
import { combinationsOf, type ProductOption, type VariantInput } from "./variant-rules";

type DemoVariants = { product: string; skuPrefix: string; options: ProductOption[]; stock: number[] };

/**
 * Demo products sold in sizes and colours. `stock` follows the combinations in
 * option order (S·Black, S·Olive, M·Black, ...); a 0 shows a sold-out
 * combination on the product page.
 */
const DEMO_VARIANTS: readonly DemoVariants[] = [
  {
    product: "Waterproof Rain Jacket",
    skuPrefix: "RJ",
    options: [
      { name: "Size", values: ["S", "M", "L"] },
      { name: "Colour", values: ["Black", "Olive"] },
    ],
    stock: [4, 2, 6, 0, 3, 5],
  },
  {
    product: "Running Shoes Cushion",
    skuPrefix: "RS",
    options: [{ name: "Size", values: ["40", "41", "42", "43", "44", "45"] }],
    stock: [2, 5, 8, 0, 4, 1],
  },
];

/**
 * Gives the demo products above their variants, through the admin's own
 * operation (same checks, same stock sums). Idempotent: a product that already
 * has variants, or is missing, is left alone.
 */
export async function seedDemoVariants({ db, redis }: { db: Db; redis: Redis }): Promise<number> {
  let seeded = 0;
  for (const demo of DEMO_VARIANTS) {
    const product = await db.product.findUnique({ where: { slug: slugify(demo.product) }, select: { id: true, reserved: true, _count: { select: { variants: true } } } });
    if (!product || product._count.variants > 0 || product.reserved > 0) continue;
    const variants = combinationsOf(demo.options).map(
      (optionValues, index): VariantInput => ({
        optionValues,
        sku: [demo.skuPrefix, ...optionValues.map((value) => value.slice(0, 3).toUpperCase())].join("-"),
        priceCents: null,
        onHand: demo.stock[index] ?? 0,
      }),
    );
    await setProductVariants({ db, redis, input: { productId: product.id, options: demo.options, variants } });
    seeded++;
  }
  return seeded;
}
