import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders, RequestListener } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listenLocally, type LocalHttpServer } from "@/server/testing/local-http-server";
import type { CreateCheckoutSessionInput } from "./payments";
import { createStripeGateway } from "./stripe-gateway";

/**
 * The gateway used when STRIPE_SECRET_KEY is set, through the official `stripe`
 * library, against a local server that answers like Stripe's API (stripe-mock
 * style: form-encoded requests, JSON objects and errors, no network). What is
 * checked is what Stripe would receive: paths, form fields, the secret key and
 * the Idempotency-Key header, including on the library's own retries.
 */
type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; form: Record<string, string> };
type Answer = { status: number; headers?: Record<string, string>; body: unknown };
type StripeObject = Record<string, unknown> & { id: string };

const SECRET_KEY = "sk_test_casebook_gateway_test";

const fake = {
  requests: [] as RecordedRequest[],
  sessions: new Map<string, StripeObject>(),
  /** Answers to give instead of the normal one, once each, by "METHOD /path". */
  failNext: new Map<string, Answer>(),
  /** Runs as a request arrives, before it is answered (to simulate what happens meanwhile at Stripe). */
  beforeAnswer: (_request: RecordedRequest): void => {},
};

const answerLikeStripeApi: RequestListener = (request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const recorded = {
      method: request.method ?? "GET",
      path,
      headers: request.headers,
      form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))),
    };
    fake.requests.push(recorded);
    fake.beforeAnswer(recorded);
    const key = `${recorded.method} ${path}`;
    const answer = fake.failNext.get(key) ?? answerLikeStripe(recorded);
    fake.failNext.delete(key);
    response.writeHead(answer.status, { "content-type": "application/json", "request-id": `req_${randomBytes(6).toString("hex")}`, ...answer.headers });
    response.end(JSON.stringify(answer.body));
  });
};

function stripeError(status: number, message: string, code?: string): Answer {
  return { status, body: { error: { type: "invalid_request_error", message, ...(code ? { code } : {}) } } };
}

/** The few endpoints the gateway calls, with Stripe's semantics for them. */
function answerLikeStripe({ method, path, form }: RecordedRequest): Answer {
  if (method === "POST" && path === "/v1/checkout/sessions") {
    const id = `cs_test_${randomBytes(16).toString("hex")}`;
    const session: StripeObject = {
      id,
      object: "checkout.session",
      mode: form.mode,
      status: "open",
      payment_status: "unpaid",
      currency: form["line_items[0][price_data][currency]"],
      metadata: { kind: form["metadata[kind]"], orderId: form["metadata[orderId]"] },
      expires_at: Number(form.expires_at),
      url: `https://checkout.stripe.com/c/pay/${id}`,
    };
    fake.sessions.set(id, session);
    return { status: 200, body: session };
  }
  const sessionPath = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(path);
  if (sessionPath) {
    const session = fake.sessions.get(sessionPath[1] ?? "");
    if (!session) return stripeError(404, `No such checkout.session: '${sessionPath[1]}'`, "resource_missing");
    if (method === "GET" && !sessionPath[2]) return { status: 200, body: session };
    if (method === "POST" && sessionPath[2]) {
      if (session.status !== "open") return stripeError(400, 'Only Checkout Sessions with a status in ["open"] can be expired.');
      session.status = "expired";
      return { status: 200, body: session };
    }
  }
  if (method === "POST" && path === "/v1/coupons") {
    return {
      status: 200,
      body: { id: randomBytes(8).toString("hex"), object: "coupon", amount_off: Number(form.amount_off), currency: form.currency, duration: form.duration, name: form.name, valid: true },
    };
  }
  if (method === "POST" && path === "/v1/refunds") {
    return {
      status: 200,
      body: { id: `re_${randomBytes(12).toString("hex")}`, object: "refund", amount: Number(form.amount), payment_intent: form.payment_intent, status: "succeeded" },
    };
  }
  return stripeError(404, `Unrecognized request URL (${method}: ${path}).`);
}

let gateway: ReturnType<typeof createStripeGateway>;

let server: LocalHttpServer;

beforeAll(async () => {
  server = await listenLocally(answerLikeStripeApi);
  gateway = createStripeGateway(SECRET_KEY, { protocol: "http", host: "127.0.0.1", port: Number(new URL(server.base).port) });
});
afterAll(() => server.close());
beforeEach(() => {
  fake.requests = [];
  fake.failNext.clear();
  fake.beforeAnswer = () => {};
});

const input: CreateCheckoutSessionInput = {
  lineItems: [
    { name: "Trail shoes", unitAmountCents: 8_900, quantity: 2 },
    { name: "Shipping", unitAmountCents: 499, quantity: 1 },
  ],
  currency: "usd",
  customerEmail: "buyer@example.com",
  metadata: { kind: "shop-order", orderId: "order_123" },
  successUrl: "http://localhost:3000/shop/orders/order_123?checkout=success",
  cancelUrl: "http://localhost:3000/shop/orders/order_123?checkout=cancelled",
  expiresAt: new Date("2030-01-01T00:30:00Z"),
  idempotencyKey: "shop-order-order_123-checkout",
};

async function openSession(): Promise<string> {
  const { id } = await gateway.createCheckoutSession(input);
  fake.requests = [];
  return id;
}

describe("Stripe gateway against a Stripe-shaped API", () => {
  it("creates a Checkout Session with the line items, metadata on the session and its payment intent, and the idempotency key", async () => {
    const session = await gateway.createCheckoutSession(input);

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v1/checkout/sessions" });
    expect(request?.headers).toMatchObject({
      authorization: `Bearer ${SECRET_KEY}`,
      "idempotency-key": "shop-order-order_123-checkout",
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(request?.form).toEqual({
      mode: "payment",
      "line_items[0][quantity]": "2",
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][price_data][unit_amount]": "8900",
      "line_items[0][price_data][product_data][name]": "Trail shoes",
      "line_items[1][quantity]": "1",
      "line_items[1][price_data][currency]": "usd",
      "line_items[1][price_data][unit_amount]": "499",
      "line_items[1][price_data][product_data][name]": "Shipping",
      customer_email: "buyer@example.com",
      "metadata[kind]": "shop-order",
      "metadata[orderId]": "order_123",
      "payment_intent_data[metadata][kind]": "shop-order",
      "payment_intent_data[metadata][orderId]": "order_123",
      success_url: input.successUrl,
      cancel_url: input.cancelUrl,
      expires_at: String(Date.parse("2030-01-01T00:30:00Z") / 1000),
    });
    expect(session).toEqual({ id: expect.stringMatching(/^cs_test_/), url: `https://checkout.stripe.com/c/pay/${session.id}`, expiresAt: input.expiresAt });
  });

  it("takes a discount off with a one-time coupon for exactly that amount, both requests idempotent", async () => {
    await gateway.createCheckoutSession({ ...input, discount: { name: "A-VERY-LONG-DISCOUNT-CODE-NAME-2026 ($5.00 off)", amountOffCents: 500 } });

    expect(fake.requests.map((request) => [request.method, request.path, request.headers["idempotency-key"]])).toEqual([
      ["POST", "/v1/coupons", "shop-order-order_123-checkout-coupon"],
      ["POST", "/v1/checkout/sessions", "shop-order-order_123-checkout"],
    ]);
    const [coupon, session] = fake.requests;
    // Stripe caps coupon names at 40 characters.
    expect(coupon?.form).toEqual({ amount_off: "500", currency: "usd", duration: "once", max_redemptions: "1", name: "A-VERY-LONG-DISCOUNT-CODE-NAME-2026 ($5." });
    expect(session?.form["discounts[0][coupon]"]).toMatch(/^[0-9a-f]{16}$/);
    // The line items stay at full price: the coupon is what takes the amount off.
    expect(session?.form["line_items[0][price_data][unit_amount]"]).toBe("8900");
  });

  it("retries a create that failed on Stripe's side with the same idempotency key", async () => {
    fake.failNext.set("POST /v1/checkout/sessions", {
      status: 500,
      headers: { "stripe-should-retry": "true" },
      body: { error: { type: "api_error", message: "An unknown error occurred" } },
    });
    const session = await gateway.createCheckoutSession(input);

    expect(fake.requests.map((request) => [request.method, request.path, request.headers["idempotency-key"]])).toEqual([
      ["POST", "/v1/checkout/sessions", "shop-order-order_123-checkout"],
      ["POST", "/v1/checkout/sessions", "shop-order-order_123-checkout"],
    ]);
    expect(fake.requests[1]?.form).toEqual(fake.requests[0]?.form);
    expect(fake.sessions.has(session.id)).toBe(true);
  });

  it("expires an open session: reads it, then POSTs /expire", async () => {
    const id = await openSession();
    expect(await gateway.expireCheckoutSession(id)).toBe("expired");
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`GET /v1/checkout/sessions/${id}`, `POST /v1/checkout/sessions/${id}/expire`]);
    expect(fake.sessions.get(id)?.status).toBe("expired");

    // Already expired: nothing more is sent but the read.
    fake.requests = [];
    expect(await gateway.expireCheckoutSession(id)).toBe("expired");
    expect(fake.requests.map((request) => request.method)).toEqual(["GET"]);
  });

  it("says complete for a session paid before, or while, it was being expired", async () => {
    const paidBefore = await openSession();
    (fake.sessions.get(paidBefore) as StripeObject).status = "complete";
    expect(await gateway.expireCheckoutSession(paidBefore)).toBe("complete");
    expect(fake.requests.map((request) => request.method)).toEqual(["GET"]);

    const paidMeanwhile = await openSession();
    fake.beforeAnswer = (request) => {
      if (request.path.endsWith("/expire")) (fake.sessions.get(paidMeanwhile) as StripeObject).status = "complete";
    };
    expect(await gateway.expireCheckoutSession(paidMeanwhile)).toBe("complete");
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /v1/checkout/sessions/${paidMeanwhile}`,
      `POST /v1/checkout/sessions/${paidMeanwhile}/expire`,
      `GET /v1/checkout/sessions/${paidMeanwhile}`,
    ]);
  });

  it("passes on Stripe's refusal to expire a session that is still open", async () => {
    const id = await openSession();
    fake.failNext.set(`POST /v1/checkout/sessions/${id}/expire`, stripeError(400, "You cannot expire this session right now."));
    await expect(gateway.expireCheckoutSession(id)).rejects.toMatchObject({ type: "StripeInvalidRequestError", message: expect.stringContaining("You cannot expire this session right now.") });
  });

  it("refunds the payment intent's amount with the metadata and idempotency key", async () => {
    const refund = await gateway.refund({
      paymentIntentId: "pi_123",
      amountCents: 18_299,
      idempotencyKey: "shop-order-order_123-refund",
      metadata: { kind: "shop-order", orderId: "order_123" },
    });

    expect(refund).toEqual({ refundId: expect.stringMatching(/^re_/) });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      method: "POST",
      path: "/v1/refunds",
      headers: { authorization: `Bearer ${SECRET_KEY}`, "idempotency-key": "shop-order-order_123-refund" },
      form: { payment_intent: "pi_123", amount: "18299", "metadata[kind]": "shop-order", "metadata[orderId]": "order_123" },
    });
  });
});
