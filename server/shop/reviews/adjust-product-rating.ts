import { Prisma } from "@/server/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * Moves a product's rating columns by increments in one UPDATE (count by
 * `count`, total by `total`, the average recomputed from the new values), so
 * concurrent review changes each add their share and never overwrite one
 * another. Runs in the caller's transaction, next to the review row it
 * reflects. Returns the product's slug (for cache invalidation).
 */
export async function adjustProductRating(tx: Tx, productId: string, delta: { count: number; total: number }): Promise<string | null> {
  const [product] = await tx.$queryRaw<{ slug: string }[]>`
    UPDATE "shop_product"
       SET "ratingCount" = "ratingCount" + ${delta.count},
           "ratingTotal" = "ratingTotal" + ${delta.total},
           "ratingAvg" = CASE WHEN "ratingCount" + ${delta.count} = 0 THEN 0
                              ELSE ("ratingTotal" + ${delta.total})::float / ("ratingCount" + ${delta.count}) END,
           "updatedAt" = now()
     WHERE "id" = ${productId}
     RETURNING "slug"`;
  return product?.slug ?? null;
}
