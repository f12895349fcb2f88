import { z } from "zod";
import { protectedProcedure, publicProcedure, router } from "@/server/trpc/init";
import { CreateReviewInput, createReview } from "./create-review";
import { deleteReview } from "./delete-review";
import { getRatingSummary } from "./get-rating-summary";
import { getReviewEligibility } from "./get-review-eligibility";
import { ListReviewsInput, listReviews } from "./list-reviews";
import { UpdateReviewInput, updateReview } from "./update-review";

/**
 * Product reviews.
 *
 * shop.reviews.list         query    { productId, cursor?, limit?: 1..50 = 10 } → { items: ReviewView[], nextCursor } newest first
 * shop.reviews.summary      query    { productId } → { average, count, distribution: { stars, count }[] (5 → 1) }
 * shop.reviews.eligibility  query    { productId } → { canReview, reason: "sign_in" | "not_delivered" | "already_reviewed" | null }
 * shop.reviews.create       mutation { productId, rating: 1..5, body: 1..2,000 chars } → ReviewView
 *                           FORBIDDEN without a delivered order containing the product; CONFLICT for a second review.
 * shop.reviews.update       mutation { reviewId, rating: 1..5, body: 1..2,000 chars } → ReviewView (marked edited)
 * shop.reviews.delete       mutation { reviewId } → void; the author may then review again.
 *                           NOT_FOUND for a review that is missing or someone else's.
 *
 * ReviewView: { id, rating, body, createdAt: Date, editedAt: Date | null, author: { name, image }, mine } (review-view.ts).
 */
const ProductIdInput = z.object({ productId: z.string().min(1).max(64) });

export const reviewsRouter = router({
  list: publicProcedure.input(ListReviewsInput).query(({ ctx, input }) => listReviews({ db: ctx.db, viewerId: ctx.user?.id ?? null, input })),
  summary: publicProcedure.input(ProductIdInput).query(({ ctx, input }) => getRatingSummary({ db: ctx.db, productId: input.productId })),
  eligibility: publicProcedure
    .input(ProductIdInput)
    .query(({ ctx, input }) => getReviewEligibility({ db: ctx.db, userId: ctx.user?.id ?? null, productId: input.productId })),
  create: protectedProcedure
    .input(CreateReviewInput)
    .mutation(({ ctx, input }) => createReview({ db: ctx.db, redis: ctx.redis, userId: ctx.user.id, input })),
  update: protectedProcedure
    .input(UpdateReviewInput)
    .mutation(({ ctx, input }) => updateReview({ db: ctx.db, redis: ctx.redis, userId: ctx.user.id, input })),
  delete: protectedProcedure
    .input(z.object({ reviewId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => deleteReview({ db: ctx.db, redis: ctx.redis, userId: ctx.user.id, reviewId: input.reviewId })),
});
