import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { accessTokenMatches } from "./order-access-token";
import { ORDER_VIEW_INCLUDE } from "./order-view";

/** Who is asking: a signed-in user (the buyer or an admin) and/or the token from a guest's order link. */
export type OrderViewer = { user: { id: string; role: string } | null; token?: string };

/**
 * The order with its items and timeline if `viewer` may see it: its buyer, an
 * admin, or anyone holding the guest link's token. Everyone else gets the same
 * NOT_FOUND as for an order that does not exist, so order ids cannot be probed.
 */
export async function getViewableOrderOrThrow(db: Db, { orderId, viewer }: { orderId: string; viewer: OrderViewer }) {
  const order = await db.order.findUnique({ where: { id: orderId }, include: ORDER_VIEW_INCLUDE });
  if (!order || !canView(order, viewer)) throw new AppError("NOT_FOUND", "We could not find that order.");
  return order;
}

function canView(order: { userId: string | null; accessTokenHash: string | null }, viewer: OrderViewer): boolean {
  if (viewer.user && (viewer.user.role === "admin" || viewer.user.id === order.userId)) return true;
  return accessTokenMatches(order.accessTokenHash, viewer.token);
}
