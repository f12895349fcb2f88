import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { findVerifiedBuyers } from "./find-verified-buyers";
import { REVIEW_SELECT, toReviewView, type ReviewView } from "./review-view";

export const ListReviewsInput = z.object({
  productId: z.string().min(1).max(64),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(64).nullish(),
  limit: z.number().int().min(1).max(50).default(10),
});

export type ReviewPage = { items: ReviewView[]; nextCursor: string | null };

/** A product's reviews, newest first, a page at a time (keyset on the (productId, createdAt) index), buyers' marked verified. */
export async function listReviews({ db, viewerId, input }: { db: Db; viewerId: string | null; input: z.output<typeof ListReviewsInput> }): Promise<ReviewPage> {
  const rows = await db.productReview.findMany({
    where: { productId: input.productId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: REVIEW_SELECT,
  });
  const page = rows.slice(0, input.limit);
  const buyers = await findVerifiedBuyers(db, input.productId, [...new Set(page.map((row) => row.userId))]);
  return { items: page.map((row) => toReviewView(row, viewerId, buyers.has(row.userId))), nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}
