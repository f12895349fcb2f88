import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import type { Redis } from "@/server/platform/redis";
import { parseProductOptions, type ProductOption } from "../variants/variant-rules";
import { loadVariantViews, type VariantView } from "../variants/variant-view";
import { readCachedProduct, writeCachedProduct, type CachedProduct } from "./product-cache";
import { availableOf, PRODUCT_ROW_SELECT, toProductView, type ProductView } from "./product-view";

const log = logger.child({ module: "shop-product-cache" });

/** The product page's product: the catalog view plus its options and variants ([] for a product without them). */
export type ProductDetail = ProductView & { options: ProductOption[]; variants: VariantView[] };

/**
 * The product page's product. Name, description, images and the like come
 * from Redis when cached (filled from Postgres on a miss); stock, options and
 * variants are always fresh reads, so "Only 2 left" is never stale and a
 * variant edit shows at once. Redis being down costs a Postgres read, never
 * the page. Hidden (inactive) products are 404.
 */
export async function getProductOrThrow({ db, redis, slug }: { db: Db; redis: Redis; slug: string }): Promise<ProductDetail> {
  const cached = await readCachedProduct(redis, slug).catch((error: unknown) => {
    log.warn({ err: String(error) }, "product cache unavailable; reading Postgres");
    return null;
  });
  if (cached) {
    const live = await db.product.findUnique({ where: { id: cached.id }, select: { onHand: true, reserved: true, active: true, options: true } });
    if (live?.active) return withVariants(db, { ...cached, available: availableOf(live) }, live.options);
  }

  const row = await db.product.findUnique({ where: { slug }, select: { ...PRODUCT_ROW_SELECT, options: true } });
  if (!row?.active) throw new AppError("NOT_FOUND", "This product does not exist or is no longer sold.");
  const view = toProductView(row);
  const { available: _live, ...staticFields } = view;
  writeCachedProduct(redis, staticFields satisfies CachedProduct).catch((error: unknown) => log.warn({ err: String(error) }, "could not cache product"));
  return withVariants(db, view, row.options);
}

async function withVariants(db: Db, view: ProductView, storedOptions: unknown): Promise<ProductDetail> {
  const options = parseProductOptions(storedOptions);
  const variants = options.length > 0 ? await loadVariantViews(db, { productId: view.id, productPriceCents: view.priceCents }) : [];
  return { ...view, options, variants };
}
