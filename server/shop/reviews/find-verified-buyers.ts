import type { OrderStatus } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";

/** An order in one of these was paid for and not given back: its buyer bought the product. */
const PURCHASED: OrderStatus[] = ["paid", "preparing", "shipped", "delivered"];

/** Which of `userIds` bought `productId` (the "Verified purchase" badge on their reviews). One indexed query. */
export async function findVerifiedBuyers(db: Pick<Db, "orderItem">, productId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const items = await db.orderItem.findMany({
    where: { productId, order: { userId: { in: userIds }, status: { in: PURCHASED } } },
    select: { order: { select: { userId: true } } },
  });
  return new Set(items.flatMap((item) => (item.order.userId ? [item.order.userId] : [])));
}
