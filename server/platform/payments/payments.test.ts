import Stripe from "stripe";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { handlePaymentWebhook } from "./handle-payment-webhook";
import type { CreateCheckoutSessionInput, PaymentEvent } from "./payments";
import { paySimulatedSession } from "./simulator/pay-simulated-session";
import { createSimulatorGateway } from "./simulator/simulator-gateway";
import type { StripeEventJson } from "./simulator/stripe-objects";
import { judgeTestCard } from "./simulator/test-cards";

/**
 * The simulator and the webhook path against real Postgres: every event the
 * simulator emits is signed and verified by the official `stripe` library on
 * its way to a handler, exactly as the webhook route does it.
 */
let sent: StripeEventJson[] = [];
const gateway = createSimulatorGateway({ db, deliver: async (event) => void sent.push(event) });
const visa = { number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" };

beforeEach(() => {
  sent = [];
});
afterAll(async () => {
  await db.$disconnect();
});

function sessionInput(overrides: Partial<CreateCheckoutSessionInput> = {}): CreateCheckoutSessionInput {
  const key = `test-${crypto.randomUUID()}`;
  return {
    lineItems: [
      { name: "Trail shoes", unitAmountCents: 8_900, quantity: 2 },
      { name: "Shipping", unitAmountCents: 499, quantity: 1 },
    ],
    currency: "usd",
    customerEmail: "buyer@example.com",
    metadata: { kind: "test-kind", orderId: key },
    successUrl: "http://localhost:3000/done?session={CHECKOUT_SESSION_ID}",
    cancelUrl: "http://localhost:3000/cart",
    expiresAt: new Date(Date.now() + 30 * 60_000),
    idempotencyKey: key,
    ...overrides,
  };
}

function sign(event: StripeEventJson, { secret = env.STRIPE_WEBHOOK_SECRET, timestamp }: { secret?: string; timestamp?: number } = {}) {
  const rawBody = JSON.stringify(event);
  return { rawBody, signature: Stripe.webhooks.generateTestHeaderString({ payload: rawBody, secret, timestamp }) };
}

/** Delivers the simulator's events through the webhook path and returns what the handler saw. */
async function deliverAll(events: StripeEventJson[]) {
  const received: PaymentEvent[] = [];
  const handlers = { "test-kind": async (event: PaymentEvent) => void received.push(event) };
  const outcomes = [];
  for (const event of events) outcomes.push(await handlePaymentWebhook({ db, ...sign(event), handlers }));
  return { received, outcomes, handlers };
}

describe("Stripe test cards", () => {
  it.each([
    ["4242424242424242", true, undefined],
    ["4000 0000 0000 0002", false, "generic_decline"],
    ["4000-0000-0000-9995", false, "insufficient_funds"],
    ["4000000000000069", false, undefined],
  ])("%s approved=%s (%s)", (number, approved, declineCode) => {
    const outcome = judgeTestCard({ number, expiry: "12/34", cvc: "123" });
    expect(outcome.approved).toBe(approved);
    if (!outcome.approved) expect(outcome.declineCode).toBe(declineCode);
  });

  it("refuses malformed numbers, past dates, missing codes and real cards", () => {
    const now = new Date("2026-12-02T00:00:00Z");
    expect(judgeTestCard({ number: "4242424242424241", expiry: "12/34", cvc: "123" }, now)).toMatchObject({ code: "incorrect_number" });
    expect(judgeTestCard({ ...visa, expiry: "11/26" }, now)).toMatchObject({ code: "invalid_expiry_year" });
    expect(judgeTestCard({ ...visa, expiry: "12/26" }, now).approved).toBe(true);
    expect(judgeTestCard({ ...visa, expiry: "13/30" }, now)).toMatchObject({ code: "invalid_expiry_month" });
    expect(judgeTestCard({ ...visa, cvc: "1" }, now)).toMatchObject({ code: "invalid_cvc" });
    expect(judgeTestCard({ ...visa, number: "4111 1111 1111 1111" }, now)).toMatchObject({ approved: false, declineCode: "test_mode_live_card" });
  });
});

describe("checkout simulator", () => {
  it("creates one session per idempotency key, priced from its line items", async () => {
    const input = sessionInput();
    const first = await gateway.createCheckoutSession(input);
    const again = await gateway.createCheckoutSession(input);
    expect(again.id).toBe(first.id);
    expect(first.id).toMatch(/^cs_test_[A-Za-z0-9]{58}$/);
    expect(first.url).toMatch(new RegExp(`/pay/${first.id}$`));
    const row = await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.amountTotal).toBe(2 * 8_900 + 499);
  });

  it("a 4242 payment completes the session once and reaches the handler as checkout.completed", async () => {
    const input = sessionInput();
    const session = await gateway.createCheckoutSession(input);
    const paid = await paySimulatedSession({ db, deliver: async (event) => void sent.push(event), sessionId: session.id, card: visa });
    expect(paid).toEqual({ outcome: "succeeded", redirectUrl: `http://localhost:3000/done?session=${session.id}` });
    // Paying again (a double submit) is the same success and sends nothing new.
    await paySimulatedSession({ db, deliver: async (event) => void sent.push(event), sessionId: session.id, card: visa });
    expect(sent.map((event) => event.type)).toEqual(["checkout.session.completed"]);

    const { received } = await deliverAll(sent);
    expect(received).toEqual([
      expect.objectContaining({ type: "checkout.completed", sessionId: session.id, amountTotal: 18_299, metadata: input.metadata }),
    ]);
    expect(received[0]).toMatchObject({ paymentIntentId: expect.stringMatching(/^pi_/) });
  });

  it("a declined card emits payment_intent.payment_failed with Stripe's message and leaves the session open", async () => {
    const session = await gateway.createCheckoutSession(sessionInput());
    const result = await paySimulatedSession({
      db,
      deliver: async (event) => void sent.push(event),
      sessionId: session.id,
      card: { ...visa, number: "4000 0000 0000 9995" },
    });
    expect(result).toEqual({ outcome: "declined", code: "card_declined", declineCode: "insufficient_funds", message: "Your card has insufficient funds." });
    const { received } = await deliverAll(sent);
    expect(received).toEqual([expect.objectContaining({ type: "payment.failed", message: "Your card has insufficient funds." })]);
    expect((await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("open");
  });

  it("an expired session cannot be paid, and expiring a paid one says complete", async () => {
    const open = await gateway.createCheckoutSession(sessionInput());
    expect(await gateway.expireCheckoutSession(open.id)).toBe("expired");
    expect(sent.map((event) => event.type)).toEqual(["checkout.session.expired"]);
    await expect(paySimulatedSession({ db, deliver: async () => {}, sessionId: open.id, card: visa })).rejects.toMatchObject({ code: "GONE" });
    expect(await gateway.expireCheckoutSession(open.id)).toBe("expired");
    expect(sent).toHaveLength(1);

    const paid = await gateway.createCheckoutSession(sessionInput());
    await paySimulatedSession({ db, deliver: async () => {}, sessionId: paid.id, card: visa });
    expect(await gateway.expireCheckoutSession(paid.id)).toBe("complete");

    const lapsed = await gateway.createCheckoutSession(sessionInput({ expiresAt: new Date(Date.now() - 1_000) }));
    await expect(paySimulatedSession({ db, deliver: async () => {}, sessionId: lapsed.id, card: visa })).rejects.toMatchObject({ code: "GONE" });
  });

  it("refunds once per idempotency key and never more than was paid", async () => {
    const session = await gateway.createCheckoutSession(sessionInput());
    await paySimulatedSession({ db, deliver: async () => {}, sessionId: session.id, card: visa });
    const { paymentIntentId } = await db.simulatedCheckoutSession.findUniqueOrThrow({ where: { id: session.id } });
    const metadata = { kind: "test-kind" };
    const first = await gateway.refund({ paymentIntentId, amountCents: 18_299, idempotencyKey: `${session.id}-refund`, metadata });
    const again = await gateway.refund({ paymentIntentId, amountCents: 18_299, idempotencyKey: `${session.id}-refund`, metadata });
    expect(again.refundId).toBe(first.refundId);
    await expect(gateway.refund({ paymentIntentId, amountCents: 1, idempotencyKey: `${session.id}-more`, metadata })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const { received } = await deliverAll(sent);
    expect(received).toEqual([expect.objectContaining({ type: "refund.succeeded", paymentIntentId, amountRefunded: 18_299 })]);
  });
});

describe("payment webhook", () => {
  async function completedEvent() {
    const session = await gateway.createCheckoutSession(sessionInput());
    await paySimulatedSession({ db, deliver: async (event) => void sent.push(event), sessionId: session.id, card: visa });
    const event = sent.at(-1);
    if (!event) throw new Error("the simulator sent no event");
    return event;
  }

  it("applies an event once however often it is delivered", async () => {
    const event = await completedEvent();
    const { received, outcomes } = await deliverAll([event, event, event]);
    expect(outcomes.map((outcome) => outcome.result)).toEqual(["applied", "duplicate", "duplicate"]);
    expect(received).toHaveLength(1);
  });

  it("refuses a forged signature, a stale timestamp and a missing header", async () => {
    const event = await completedEvent();
    const handlers = { "test-kind": async () => {} };
    await expect(handlePaymentWebhook({ db, ...sign(event, { secret: "whsec_someone_else" }), handlers })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const stale = sign(event, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    await expect(handlePaymentWebhook({ db, ...stale, handlers })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const tampered = sign(event);
    await expect(handlePaymentWebhook({ db, rawBody: tampered.rawBody.replace("18299", "1"), signature: tampered.signature, handlers })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(handlePaymentWebhook({ db, rawBody: tampered.rawBody, signature: null, handlers })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.paymentWebhookEvent.findUnique({ where: { id: event.id } })).toBeNull();
  });

  it("acknowledges event types and kinds nobody handles", async () => {
    const event = await completedEvent();
    const unknownType = { ...event, id: `${event.id}x`, type: "customer.created" };
    const outcomes = [
      await handlePaymentWebhook({ db, ...sign(unknownType), handlers: {} }),
      await handlePaymentWebhook({ db, ...sign(event), handlers: { "other-kind": async () => {} } }),
    ];
    expect(outcomes.map((outcome) => outcome.result)).toEqual(["ignored", "ignored"]);
  });

  it("does not record an event whose handler failed, so the redelivery applies it", async () => {
    const event = await completedEvent();
    let calls = 0;
    const handlers = {
      "test-kind": async () => {
        calls += 1;
        if (calls === 1) throw new Error("database hiccup");
      },
    };
    await expect(handlePaymentWebhook({ db, ...sign(event), handlers })).rejects.toThrow("database hiccup");
    expect((await handlePaymentWebhook({ db, ...sign(event), handlers })).result).toBe("applied");
    expect(calls).toBe(2);
  });
});
