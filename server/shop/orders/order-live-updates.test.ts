import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEverything, connectClient, nextEvent, recordEvents, startGatewayForApp, subscribed, type TestGateway } from "@/server/realtime/gateway/gateway-test-kit";
import type { OrderUpdatedEvent } from "./order-events";

/**
 * Status changes reach the buyer's open tabs: a real gateway on a free port and
 * pusher-js subscribed to the buyer's private channel. env.ts reads PUSHER_* at
 * import, so the shop modules are imported once the gateway's port is known.
 */
let target: TestGateway;
let kit: typeof import("./orders-test-kit");
let changeOrderStatus: typeof import("./change-order-status").changeOrderStatus;
let db: typeof import("@/server/platform/db").db;

beforeAll(async () => {
  target = await startGatewayForApp();
  kit = await import("./orders-test-kit");
  ({ changeOrderStatus } = await import("./change-order-status"));
  ({ db } = await import("@/server/platform/db"));
});

afterAll(async () => {
  await closeEverything();
  await db?.$disconnect();
});

describe("live order updates", () => {
  it("publishes shop.order.updated on the buyer's private channel, once per change that happened", async () => {
    const buyer = await kit.createTestBuyer(db);
    const order = await kit.createTestOrder(db, { userId: buyer.id, email: buyer.email });
    const client = await connectClient(target);
    const channel = await subscribed(client, `private-user-${buyer.id}`);
    const seen = recordEvents(channel, "shop.order.updated");

    const pushed = nextEvent<OrderUpdatedEvent>(channel, "shop.order.updated");
    expect(await changeOrderStatus(db, { orderId: order.id, from: ["created"], to: "payment_pending" })).toBe(true);
    expect((await pushed).data).toEqual({ orderId: order.id, status: "payment_pending" });

    // A change that does not apply (wrong current status) says nothing.
    expect(await changeOrderStatus(db, { orderId: order.id, from: ["created"], to: "cancelled" })).toBe(false);
    const paid = nextEvent<OrderUpdatedEvent>(channel, "shop.order.updated");
    expect(await changeOrderStatus(db, { orderId: order.id, from: ["payment_pending"], to: "paid" })).toBe(true);
    expect((await paid).data).toEqual({ orderId: order.id, status: "paid" });
    expect(seen).toEqual([
      { orderId: order.id, status: "payment_pending" },
      { orderId: order.id, status: "paid" },
    ]);
  });
});
