import type { Db } from "@/server/platform/db";

/** Why a person may not review a product yet; null when they may. */
export type ReviewBlocker = "sign_in" | "not_delivered" | "already_reviewed";
export type ReviewEligibility = { canReview: boolean; reason: ReviewBlocker | null };

/**
 * Reviews come from buyers only: signed in, with a delivered order containing
 * the product, and one review per person and product.
 */
export async function getReviewEligibility({ db, userId, productId }: { db: Db; userId: string | null; productId: string }): Promise<ReviewEligibility> {
  if (!userId) return { canReview: false, reason: "sign_in" };
  const reason = await findReviewBlocker(db, userId, productId);
  return { canReview: reason === null, reason };
}

/** Shared with createReview, which asks the same question inside its transaction. */
export async function findReviewBlocker(db: Pick<Db, "productReview" | "orderItem">, userId: string, productId: string): Promise<Exclude<ReviewBlocker, "sign_in"> | null> {
  const [review, delivered] = await Promise.all([
    db.productReview.findUnique({ where: { productId_userId: { productId, userId } }, select: { id: true } }),
    db.orderItem.findFirst({ where: { productId, order: { userId, status: "delivered" } }, select: { id: true } }),
  ]);
  if (review) return "already_reviewed";
  if (!delivered) return "not_delivered";
  return null;
}
