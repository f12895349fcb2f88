import { z } from "zod";
import { AppError } from "@/server/errors";
import { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { invalidateProductCache } from "@/server/shop/catalog/product-cache";
import { findReviewBlocker } from "./get-review-eligibility";
import { REVIEW_BODY_MAX_LENGTH } from "./review-limits";
import { REVIEW_SELECT, toReviewView, type ReviewView } from "./review-view";

export const CreateReviewInput = z.object({
  productId: z.string().min(1).max(64),
  rating: z.number().int().min(1, "Choose 1 to 5 stars.").max(5, "Choose 1 to 5 stars."),
  body: z
    .string()
    .trim()
    .min(1, "Write a few words about the product.")
    .max(REVIEW_BODY_MAX_LENGTH, `Keep the review under ${REVIEW_BODY_MAX_LENGTH.toLocaleString("en")} characters.`),
});

const BLOCKER_MESSAGES = {
  not_delivered: "You can review a product once an order containing it has been delivered.",
  already_reviewed: "You have already reviewed this product.",
} as const;

/**
 * Adds the buyer's review and folds it into the product's rating in the same
 * transaction. The rating columns move by increments in one UPDATE
 * (count + 1, total + stars, avg from the new values), so concurrent reviews
 * each add their share and never overwrite one another; the unique
 * (productId, userId) index turns a double submit into a clear CONFLICT.
 */
export async function createReview({ db, redis, userId, input }: { db: Db; redis: Redis; userId: string; input: z.output<typeof CreateReviewInput> }): Promise<ReviewView> {
  const { review, slug } = await db
    .$transaction(async (tx) => {
      const blocker = await findReviewBlocker(tx, userId, input.productId);
      if (blocker) throw new AppError(blocker === "already_reviewed" ? "CONFLICT" : "FORBIDDEN", BLOCKER_MESSAGES[blocker]);
      const created = await tx.productReview.create({ data: { productId: input.productId, userId, rating: input.rating, body: input.body }, select: REVIEW_SELECT });
      const [product] = await tx.$queryRaw<{ slug: string }[]>`
        UPDATE "shop_product"
           SET "ratingCount" = "ratingCount" + 1,
               "ratingTotal" = "ratingTotal" + ${input.rating},
               "ratingAvg" = ("ratingTotal" + ${input.rating})::float / ("ratingCount" + 1),
               "updatedAt" = now()
         WHERE "id" = ${input.productId}
         RETURNING "slug"`;
      return { review: created, slug: product?.slug ?? null };
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", BLOCKER_MESSAGES.already_reviewed);
      throw error;
    });
  if (slug) await invalidateProductCache(redis, slug);
  return toReviewView(review);
}
