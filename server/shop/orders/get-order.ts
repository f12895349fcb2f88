import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { getViewableOrderOrThrow, type OrderViewer } from "./get-viewable-order-or-throw";
import { toOrderView, type OrderView } from "./order-view";

export const OrderIdInput = z.object({
  orderId: z.string().min(1).max(64),
  /** The token from a guest's order link. */
  token: z.string().min(1).max(128).optional(),
});

/** One order with items, address and timeline, for its buyer, an admin or a guest with the link. */
export async function getOrder({ db, orderId, viewer }: { db: Db; orderId: string; viewer: OrderViewer }): Promise<OrderView> {
  return toOrderView(await getViewableOrderOrThrow(db, { orderId, viewer }));
}
