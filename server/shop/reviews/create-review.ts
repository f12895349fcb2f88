import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { isUniqueViolation } from "@/server/platform/db-errors";
import type { Redis } from "@/server/platform/redis";
import { invalidateProductCache } from "@/server/shop/catalog/product-cache";
import { findReviewBlocker } from "./get-review-eligibility";
import { adjustProductRating } from "./adjust-product-rating";
import { ReviewFields } from "./review-fields";
import { REVIEW_SELECT, toReviewView, type ReviewView } from "./review-view";

export const CreateReviewInput = ReviewFields.extend({ productId: z.string().min(1).max(64) });

const BLOCKER_MESSAGES = {
  not_delivered: "You can review a product once an order containing it has been delivered.",
  already_reviewed: "You have already reviewed this product.",
} as const;

/**
 * Adds the buyer's review and folds it into the product's rating in the same
 * transaction (adjust-product-rating.ts); the unique (productId, userId) index
 * turns a double submit into a clear CONFLICT.
 */
export async function createReview({ db, redis, userId, input }: { db: Db; redis: Redis; userId: string; input: z.output<typeof CreateReviewInput> }): Promise<ReviewView> {
  const { review, slug } = await db
    .$transaction(async (tx) => {
      const blocker = await findReviewBlocker(tx, userId, input.productId);
      if (blocker) throw new AppError(blocker === "already_reviewed" ? "CONFLICT" : "FORBIDDEN", BLOCKER_MESSAGES[blocker]);
      const created = await tx.productReview.create({ data: { productId: input.productId, userId, rating: input.rating, body: input.body }, select: REVIEW_SELECT });
      return { review: created, slug: await adjustProductRating(tx, input.productId, { count: 1, total: input.rating }) };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", BLOCKER_MESSAGES.already_reviewed);
      throw error;
    });
  if (slug) await invalidateProductCache(redis, slug);
  // Only buyers with a delivered order may review (findReviewBlocker): a new review is always verified.
  return toReviewView(review, userId, true);
}
