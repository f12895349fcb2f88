import type { Redis } from "@/server/platform/redis";
import type { ProductView } from "./product-view";

/** A product's slow-changing fields; stock is deliberately not here (it is read live on every request). */
export type CachedProduct = Omit<ProductView, "available">;

const KEY_PREFIX = "casebook:shop:product:";
/** A safety net only: every edit deletes the entry (invalidateProductCache). */
const TTL_SECONDS = 600;

export async function readCachedProduct(redis: Redis, slug: string): Promise<CachedProduct | null> {
  const raw = await redis.get(KEY_PREFIX + slug);
  return raw ? (JSON.parse(raw) as CachedProduct) : null;
}

export async function writeCachedProduct(redis: Redis, product: CachedProduct): Promise<void> {
  await redis.set(KEY_PREFIX + product.slug, JSON.stringify(product), "EX", TTL_SECONDS);
}

/** Call after every committed product edit (admin changes, new reviews), so the next read goes to Postgres. */
export async function invalidateProductCache(redis: Redis, slug: string): Promise<void> {
  await redis.del(KEY_PREFIX + slug);
}
