import type { OrderStatus } from "@/server/generated/prisma/client";

/** Realtime event on the buyer's private channel after every status change (pure, so the browser can import it). */
export const ORDER_UPDATED_EVENT = "shop.order.updated";
export type OrderUpdatedEvent = { orderId: string; status: OrderStatus };

/** Notification kind for the bell; payload { orderId, number, status, href }. */
export const ORDER_STATUS_KIND = "shop.order-status";
