import { z } from "zod";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { invalidateProductCache } from "@/server/shop/catalog/product-cache";
import { adjustProductRating } from "./adjust-product-rating";
import { findVerifiedBuyers } from "./find-verified-buyers";
import { getOwnReviewOrThrow } from "./get-own-review-or-throw";
import { ReviewFields } from "./review-fields";
import { REVIEW_SELECT, toReviewView, type ReviewView } from "./review-view";

export const UpdateReviewInput = ReviewFields.extend({ reviewId: z.string().min(1).max(64) });

/** The author changes their stars and text; the product's total moves by the difference, in the same transaction. */
export async function updateReview({ db, redis, userId, input }: { db: Db; redis: Redis; userId: string; input: z.output<typeof UpdateReviewInput> }): Promise<ReviewView> {
  const { review, slug, verified } = await db.$transaction(async (tx) => {
    const before = await getOwnReviewOrThrow(tx, { reviewId: input.reviewId, userId });
    const updated = await tx.productReview.update({
      where: { id: input.reviewId },
      data: { rating: input.rating, body: input.body, editedAt: new Date() },
      select: REVIEW_SELECT,
    });
    const slug = await adjustProductRating(tx, before.productId, { count: 0, total: input.rating - before.rating });
    return { review: updated, slug, verified: (await findVerifiedBuyers(tx, before.productId, [userId])).has(userId) };
  });
  if (slug) await invalidateProductCache(redis, slug);
  return toReviewView(review, userId, verified);
}
