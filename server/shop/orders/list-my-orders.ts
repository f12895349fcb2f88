import { z } from "zod";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { ORDER_SUMMARY_INCLUDE, toOrderSummary, type OrderSummaryView } from "./order-view";

export const ORDERS_PAGE_MAX = 50;

export const OrderPageInput = z.object({
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(64).nullish(),
  limit: z.number().int().min(1).max(ORDERS_PAGE_MAX).default(20),
});

export type OrderPage = { items: OrderSummaryView[]; nextCursor: string | null };

/** The signed-in buyer's orders, newest first, one page at a time. */
export function listMyOrders({ db, userId, input }: { db: Db; userId: string; input: z.output<typeof OrderPageInput> }): Promise<OrderPage> {
  return pageOfOrders(db, { userId }, input);
}

/** One page of orders matching `where`, newest first; shared with the admin list. */
export async function pageOfOrders(db: Db, where: Prisma.OrderWhereInput, { cursor, limit }: z.output<typeof OrderPageInput>): Promise<OrderPage> {
  const rows = await db.order.findMany({
    where,
    include: ORDER_SUMMARY_INCLUDE,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  return { items: page.map(toOrderSummary), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
