import type { OrderStatus } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { releaseDiscountCode } from "../discounts/redeem-discount-code";
import { releaseStock } from "../inventory";
import { changeOrderStatus } from "./change-order-status";

/**
 * Cancels an order that was never paid and gives its held stock (and its use
 * of a discount code) back, in one transaction. Callers that hold a payment session must have expired it first
 * (a session still open could be paid after the stock is gone). Returns
 * whether this call cancelled it; a second call finds it cancelled and does nothing.
 */
export function cancelUnpaidOrder(
  db: Db,
  { orderId, reason, from = ["created", "payment_pending"] }: { orderId: string; reason: string; from?: OrderStatus[] },
): Promise<boolean> {
  return changeOrderStatus(db, {
    orderId,
    from,
    to: "cancelled",
    note: reason,
    data: { cancelReason: reason },
    effect: async (tx) => {
      await releaseStock(tx, orderId);
      await releaseDiscountCode(tx, orderId);
    },
  });
}
