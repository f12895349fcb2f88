import type { OrderStatus } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { enqueue } from "@/server/platform/queue";
import { publishToUser } from "@/server/platform/realtime";
import { ORDER_STATUS_KIND, ORDER_UPDATED_EVENT, type OrderUpdatedEvent } from "./order-events";

// Steps the buyer triggers and watches happen (created, payment_pending) would only be noise in the bell.
const NOTIFIED: ReadonlySet<OrderStatus> = new Set(["paid", "preparing", "shipped", "delivered", "cancelled", "refunded"]);

const log = logger.child({ module: "shop-orders" });

/**
 * Tells a signed-in buyer their order moved: a realtime event for open order
 * pages and a stored notification. Runs after the change committed; a failure
 * here is logged, never thrown, because the change itself stands (the order
 * page refetches when its realtime connection comes back). The job id makes a
 * repeated announcement of the same status one notification.
 */
export async function announceOrderStatus(db: Db, orderId: string, status: OrderStatus): Promise<void> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { userId: true, number: true } });
  if (!order?.userId) return;
  const userId = order.userId;
  const tasks: Array<Promise<void>> = [publishToUser(userId, ORDER_UPDATED_EVENT, { orderId, status } satisfies OrderUpdatedEvent)];
  if (NOTIFIED.has(status)) {
    tasks.push(
      enqueue(
        "send-notification",
        { userId, kind: ORDER_STATUS_KIND, payload: { orderId, number: order.number, status, href: `/shop/orders/${orderId}` } },
        { jobId: `shop-order-${orderId}-${status}` },
      ),
    );
  }
  for (const result of await Promise.allSettled(tasks)) {
    if (result.status === "rejected") log.warn({ orderId, status, err: String(result.reason) }, "could not announce an order status");
  }
}
