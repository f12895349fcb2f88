import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { invalidateProductCache } from "@/server/shop/catalog/product-cache";
import { adjustProductRating } from "./adjust-product-rating";
import { getOwnReviewOrThrow } from "./get-own-review-or-throw";

/** The author withdraws their review; its stars leave the product's rating in the same transaction, and they may review again. */
export async function deleteReview({ db, redis, userId, reviewId }: { db: Db; redis: Redis; userId: string; reviewId: string }): Promise<void> {
  const slug = await db.$transaction(async (tx) => {
    const review = await getOwnReviewOrThrow(tx, { reviewId, userId });
    await tx.productReview.delete({ where: { id: reviewId } });
    return adjustProductRating(tx, review.productId, { count: -1, total: -review.rating });
  });
  if (slug) await invalidateProductCache(redis, slug);
}
