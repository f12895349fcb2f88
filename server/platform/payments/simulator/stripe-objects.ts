import { createHash, randomBytes } from "node:crypto";
import Stripe from "stripe";
import type { SimulatedCheckoutSession } from "@/server/generated/prisma/client";

/**
 * The JSON Stripe would send: events and the objects inside them, shaped like
 * Stripe's API (the fields our handler and a typical integration read). The
 * simulator's events go through the same verification and parsing as real ones.
 */
export type StripeEventJson = {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
  data: { object: Record<string, unknown> };
};

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A Stripe-looking id: prefix + random base62 ("cs_test_a1B2…"). */
export function stripeId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${id}`;
}

/**
 * Events about one fact get one id (e.g. a session's completion), so a replayed
 * or re-sent event is recognisably the same event, as with Stripe's retries.
 */
function eventIdFor(fact: string): string {
  return `evt_${createHash("sha256").update(fact).digest("base64url").replace(/[-_]/g, "").slice(0, 24)}`;
}

const unix = (date: Date) => Math.floor(date.getTime() / 1000);

function event(id: string, type: string, object: Record<string, unknown>): StripeEventJson {
  return {
    id,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: unix(new Date()),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

export function checkoutSessionObject(session: SimulatedCheckoutSession, url: string | null): Record<string, unknown> {
  return {
    id: session.id,
    object: "checkout.session",
    amount_subtotal: session.amountTotal + session.amountDiscount,
    amount_total: session.amountTotal,
    total_details: { amount_discount: session.amountDiscount, amount_shipping: 0, amount_tax: 0 },
    cancel_url: session.cancelUrl,
    created: unix(session.createdAt),
    currency: session.currency,
    customer_details: session.customerEmail ? { email: session.customerEmail } : null,
    customer_email: session.customerEmail,
    expires_at: unix(session.expiresAt),
    livemode: false,
    metadata: session.metadata,
    mode: "payment",
    // Stripe creates the payment intent when the payer confirms; before that it is null.
    payment_intent: session.paymentStatus === "paid" ? session.paymentIntentId : null,
    payment_status: session.paymentStatus,
    status: session.status,
    success_url: session.successUrl,
    url: session.status === "open" ? url : null,
  };
}

export function checkoutCompletedEvent(session: SimulatedCheckoutSession): StripeEventJson {
  return event(eventIdFor(`${session.id}:completed`), "checkout.session.completed", checkoutSessionObject(session, null));
}

export function checkoutExpiredEvent(session: SimulatedCheckoutSession): StripeEventJson {
  return event(eventIdFor(`${session.id}:expired`), "checkout.session.expired", checkoutSessionObject(session, null));
}

/** Each declined attempt is its own event, as on Stripe. */
export function paymentFailedEvent(
  session: SimulatedCheckoutSession,
  decline: { code: string; declineCode?: string; message: string },
): StripeEventJson {
  return event(stripeId("evt"), "payment_intent.payment_failed", {
    id: session.paymentIntentId,
    object: "payment_intent",
    amount: session.amountTotal,
    currency: session.currency,
    status: "requires_payment_method",
    metadata: session.metadata,
    last_payment_error: {
      type: "card_error",
      code: decline.code,
      ...(decline.declineCode ? { decline_code: decline.declineCode } : {}),
      message: decline.message,
    },
  });
}

export function chargeRefundedEvent(
  session: SimulatedCheckoutSession,
  refund: { id: string; amountRefunded: number },
): StripeEventJson {
  return event(eventIdFor(`${refund.id}:refunded`), "charge.refunded", {
    id: `ch_${session.paymentIntentId.slice(3)}`,
    object: "charge",
    amount: session.amountTotal,
    amount_refunded: refund.amountRefunded,
    currency: session.currency,
    metadata: session.metadata,
    payment_intent: session.paymentIntentId,
    refunded: refund.amountRefunded >= session.amountTotal,
    status: "succeeded",
  });
}
