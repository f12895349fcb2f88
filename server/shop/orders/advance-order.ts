import { z } from "zod";
import { AppError } from "@/server/errors";
import type { OrderStatus } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { changeOrderStatus } from "./change-order-status";
import { getViewableOrderOrThrow } from "./get-viewable-order-or-throw";
import { toOrderView, type OrderView } from "./order-view";
import { TrackingNumber } from "./tracking-number";

export const AdvanceOrderInput = z.discriminatedUnion("to", [
  z.object({ orderId: z.string().min(1).max(64), to: z.literal("preparing") }),
  z.object({ orderId: z.string().min(1).max(64), to: z.literal("shipped"), trackingNumber: TrackingNumber }),
  z.object({ orderId: z.string().min(1).max(64), to: z.literal("delivered") }),
]);

/** Fulfilment moves one step at a time: paid → preparing → shipped → delivered. */
const PREVIOUS: Record<z.output<typeof AdvanceOrderInput>["to"], OrderStatus> = {
  preparing: "paid",
  shipped: "preparing",
  delivered: "shipped",
};

function noteFor(input: z.output<typeof AdvanceOrderInput>): string {
  switch (input.to) {
    case "preparing":
      return "We are packing your order.";
    case "shipped":
      return `Shipped with tracking number ${input.trackingNumber}.`;
    case "delivered":
      return "Delivered.";
  }
}

/** An admin moves an order one fulfilment step on; the buyer hears about it live. */
export async function advanceOrder({ db, adminId, input }: { db: Db; adminId: string; input: z.output<typeof AdvanceOrderInput> }): Promise<OrderView> {
  const viewer = { user: { id: adminId, role: "admin" } };
  const order = await getViewableOrderOrThrow(db, { orderId: input.orderId, viewer });
  const from = PREVIOUS[input.to];
  const moved = await changeOrderStatus(db, {
    orderId: order.id,
    from: [from],
    to: input.to,
    note: noteFor(input),
    ...(input.to === "shipped" ? { data: { trackingNumber: input.trackingNumber } } : {}),
  });
  if (!moved) {
    const current = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } });
    if (current.status !== input.to) {
      throw new AppError("CONFLICT", `Order #${order.number} is ${current.status.replace("_", " ")}; only a ${from} order can be marked ${input.to}.`);
    }
  }
  return toOrderView(await getViewableOrderOrThrow(db, { orderId: order.id, viewer }));
}
