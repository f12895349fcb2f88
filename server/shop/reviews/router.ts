import { z } from "zod";
import { protectedProcedure, publicProcedure, router } from "@/server/trpc/init";
import { CreateReviewInput, createReview } from "./create-review";
import { deleteReview } from "./delete-review";
import { getRatingSummary } from "./get-rating-summary";
import { getReviewEligibility } from "./get-review-eligibility";
import { ListReviewsInput, listReviews } from "./list-reviews";
import { UpdateReviewInput, updateReview } from "./update-review";

/**
 * Product reviews. Inputs are the zod schemas imported here, outputs the
 * operations' views (review-view.ts); who may review and edit: the
 * operations (a delivered order containing the product, one review each).
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
