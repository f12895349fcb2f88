import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import type { Redis } from "@/server/platform/redis";
import { readCachedProduct, writeCachedProduct, type CachedProduct } from "./product-cache";
import { availableOf, PRODUCT_ROW_SELECT, toProductView, type ProductView } from "./product-view";

const log = logger.child({ module: "shop-product-cache" });

/**
 * The product page's product. Name, description, images and the like come
 * from Redis when cached (filled from Postgres on a miss); stock is always a
 * fresh primary-key read, so "Only 2 left" is never stale. Redis being down
 * costs a Postgres read, never the page. Hidden (inactive) products are 404.
 */
export async function getProductOrThrow({ db, redis, slug }: { db: Db; redis: Redis; slug: string }): Promise<ProductView> {
  const cached = await readCachedProduct(redis, slug).catch((error: unknown) => {
    log.warn({ err: String(error) }, "product cache unavailable; reading Postgres");
    return null;
  });
  if (cached) {
    const stock = await db.product.findUnique({ where: { id: cached.id }, select: { onHand: true, reserved: true, active: true } });
    if (stock?.active) return { ...cached, available: availableOf(stock) };
  }

  const row = await db.product.findUnique({ where: { slug }, select: PRODUCT_ROW_SELECT });
  if (!row?.active) throw new AppError("NOT_FOUND", "This product does not exist or is no longer sold.");
  const view = toProductView(row);
  const { available: _live, ...staticFields } = view;
  writeCachedProduct(redis, staticFields satisfies CachedProduct).catch((error: unknown) => log.warn({ err: String(error) }, "could not cache product"));
  return view;
}
