import type { IncomingMessage, ServerResponse } from "node:http";
import { Worker } from "bullmq";
import { afterAll, expect, it, vi } from "vitest";

/**
 * The simulator's webhook delivery as the running app does it: the payment
 * queues the event, the worker's processor posts it, signed, to the webhook
 * endpoint, and BullMQ retries with exponential backoff until the endpoint
 * answers 2xx (like Stripe's redelivery). The endpoint here stands in front of
 * the real webhook route and misbehaves on purpose: down on the first attempt,
 * and on the second it lets the route apply the event but loses the answer.
 * The third attempt must succeed and find the event already applied, so the
 * order is paid exactly once.
 */
const endpoint = await vi.hoisted(async () => {
  const { createServer } = await import("node:http");
  const state = { handle: (_request: IncomingMessage, response: ServerResponse): void | Promise<void> => void response.writeHead(503).end() };
  const server = createServer((request, response) => void state.handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the test endpoint has no port");
  // Read by env.ts when the modules below load: the worker's processor posts here.
  process.env.PAYMENTS_SIMULATOR_WEBHOOK_URL = `http://127.0.0.1:${address.port}/api/webhooks/stripe`;
  return { server, state };
});

import { POST as stripeWebhookRoute } from "@/app/api/webhooks/stripe/route";
import { processors } from "@/server/jobs/processors";
import { db } from "@/server/platform/db";
import { queueSimulatorEvent } from "@/server/platform/payments/simulator/deliver-simulator-event";
import { paySimulatedSession } from "@/server/platform/payments/simulator/pay-simulated-session";
import type { StripeEventJson } from "@/server/platform/payments/simulator/stripe-objects";
import { JOB_PREFIX } from "@/server/platform/queue";
import { createRedis, redis } from "@/server/platform/redis";
import { userCartId } from "../cart/cart-id";
import { TEST_ADDRESS, createTestBuyer, createTestProduct, fillCart, shopCaller, stockOf } from "../orders/orders-test-kit";

const workerRedis = createRedis({ maxRetriesPerRequest: null });
const worker = new Worker("deliver-payment-event", async (job) => processors["deliver-payment-event"](job.data, job), { connection: workerRedis, prefix: JOB_PREFIX });

afterAll(async () => {
  await worker.close();
  workerRedis.disconnect();
  await new Promise((resolve) => endpoint.server.close(resolve));
  redis.disconnect();
  await db.$disconnect();
});

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

// Three attempts 1 s and 2 s apart, after a first checkout that warms up the caches: allow for a busy machine.
it("retries a failed delivery with backoff until the endpoint takes it, and the order is paid once", { timeout: 60_000 }, async () => {
  const product = await createTestProduct(db, { onHand: 3, priceCents: 4_200 });
  const user = await createTestBuyer(db);
  await fillCart(userCartId(user.id), [{ productId: product.id, quantity: 1 }]);
  const { orderId } = await shopCaller({ user }).shop.checkout.start({ shippingAddress: TEST_ADDRESS });
  const { checkoutSessionId } = await db.order.findUniqueOrThrow({ where: { id: orderId } });

  const attempts: Array<{ at: number; eventId: string; answered?: number; routeResult?: string }> = [];
  endpoint.state.handle = async (request, response) => {
    const body = await readBody(request);
    const event = JSON.parse(body) as StripeEventJson;
    const metadata = event.data.object.metadata as Record<string, string> | undefined;
    // Events other test files queued for their own orders: taken and dropped, never applied here.
    if (metadata?.orderId !== orderId) return void response.writeHead(200).end();

    const attempt: (typeof attempts)[number] = { at: Date.now(), eventId: event.id };
    attempts.push(attempt);
    let status = 503;
    if (attempts.length >= 2) {
      const answer = await stripeWebhookRoute(
        new Request("http://localhost/api/webhooks/stripe", {
          method: "POST",
          headers: { "content-type": "application/json", "stripe-signature": String(request.headers["stripe-signature"]) },
          body,
        }),
      );
      attempt.routeResult = ((await answer.json()) as { result?: string }).result;
      // The second attempt reached the app, but its answer is lost on the way back.
      status = attempts.length === 2 ? 500 : answer.status;
    }
    attempt.answered = status;
    response.writeHead(status).end();
  };

  const paid = await paySimulatedSession({
    db,
    deliver: queueSimulatorEvent,
    sessionId: checkoutSessionId ?? "",
    card: { number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" },
  });
  expect(paid.outcome).toBe("succeeded");

  await expect.poll(() => attempts[2]?.answered, { timeout: 45_000 }).toBe(200);
  expect(attempts.map(({ answered, routeResult }) => [answered, routeResult])).toEqual([
    [503, undefined],
    [500, "applied"],
    [200, "duplicate"],
  ]);
  // One event, redelivered as itself (Stripe keeps the event id across retries).
  expect(new Set(attempts.map((attempt) => attempt.eventId)).size).toBe(1);
  // Exponential backoff from 1 s: about 1 s before the second attempt, about 2 s before the third.
  const [first, second, third] = attempts.map((attempt) => attempt.at) as [number, number, number];
  expect(second - first).toBeGreaterThanOrEqual(900);
  expect(third - second).toBeGreaterThanOrEqual(1_800);

  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { events: true, reservations: true } });
  expect(order.status).toBe("paid");
  expect(order.events.map((event) => event.status)).toEqual(["created", "payment_pending", "paid"]);
  expect(order.reservations.map((reservation) => reservation.status)).toEqual(["committed"]);
  expect(await stockOf(db, product.id)).toEqual({ onHand: 2, reserved: 0, available: 2 });
});
