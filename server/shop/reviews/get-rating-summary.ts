import type { Db } from "@/server/platform/db";

export type RatingSummary = {
  average: number;
  count: number;
  /** How many reviews gave each number of stars, 5 down to 1. */
  distribution: { stars: number; count: number }[];
};

export async function getRatingSummary({ db, productId }: { db: Db; productId: string }): Promise<RatingSummary> {
  const groups = await db.productReview.groupBy({ by: ["rating"], where: { productId }, _count: { _all: true } });
  const counts = new Map(groups.map((group) => [group.rating, group._count._all]));
  const count = groups.reduce((sum, group) => sum + group._count._all, 0);
  const total = groups.reduce((sum, group) => sum + group.rating * group._count._all, 0);
  return {
    average: count ? Math.round((total / count) * 10) / 10 : 0,
    count,
    distribution: [5, 4, 3, 2, 1].map((stars) => ({ stars, count: counts.get(stars) ?? 0 })),
  };
}
