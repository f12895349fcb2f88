import type { OrderStatus, Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { SHOP_TRANSACTION } from "../inventory";
import { announceOrderStatus } from "./announce-order-status";

type Tx = Prisma.TransactionClient;

export type StatusChange = {
  orderId: string;
  /** The statuses the order may be in for the change to apply; any other status leaves it untouched. */
  from: OrderStatus[];
  to: OrderStatus;
  /** Shown on the order's timeline. */
  note?: string | null;
  /** Other columns written with the status (tracking number, payment intent, …). */
  data?: Omit<Prisma.OrderUpdateManyMutationInput, "status">;
  /** Runs in the same transaction once the status moved, e.g. the matching stock step: both happen or neither. */
  effect?: (tx: Tx) => Promise<unknown>;
};

/**
 * The one way an order's status changes. The UPDATE is conditional on the
 * current status, so two actors racing (a webhook and the sweeper, a buyer's
 * cancel and an admin's "preparing") cannot both win, and a replayed step
 * finds the order already moved and does nothing. The timeline row and the
 * effect commit with it. After commit the buyer hears about it (realtime and
 * a notification). Returns whether this call made the change.
 */
export async function changeOrderStatus(db: Db, change: StatusChange): Promise<boolean> {
  const { orderId, from, to, note = null, data = {}, effect } = change;
  const moved = await db.$transaction(async (tx) => {
    const updated = await tx.order.updateMany({ where: { id: orderId, status: { in: from } }, data: { ...data, status: to } });
    if (updated.count === 0) return false;
    await tx.orderEvent.create({ data: { orderId, status: to, note } });
    if (effect) await effect(tx);
    return true;
  }, SHOP_TRANSACTION);
  if (moved) await announceOrderStatus(db, orderId, to);
  return moved;
}
