import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";

/**
 * The author's own review, row-locked for the rest of the caller's
 * transaction, so an edit and a delete (or two edits) of the same review
 * apply one after the other and the product's rating moves by the right
 * amounts. Someone else's review is "not found", like a missing one.
 */
export async function getOwnReviewOrThrow(tx: Pick<Prisma.TransactionClient, "$queryRaw">, { reviewId, userId }: { reviewId: string; userId: string }) {
  const [review] = await tx.$queryRaw<{ productId: string; rating: number }[]>`
    SELECT "productId", "rating" FROM "shop_product_review" WHERE "id" = ${reviewId} AND "userId" = ${userId} FOR UPDATE`;
  if (!review) throw new AppError("NOT_FOUND", "That review does not exist or is not yours.");
  return review;
}
