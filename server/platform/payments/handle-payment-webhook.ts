import "server-only";
import Stripe from "stripe";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import type { PaymentEvent, PaymentEventHandler } from "./payments";

/** Stripe's own default: a signature older than five minutes is refused, so a captured request cannot be replayed later. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export type WebhookOutcome = { eventId: string; type: string; result: "applied" | "duplicate" | "ignored" | "rejected" };

const log = logger.child({ module: "payments-webhook" });

/**
 * Verifies a webhook with the official library, drops events already applied
 * (by event id), narrows the rest to a PaymentEvent and hands it to the system
 * named in its metadata (`kind`). The event id is recorded only after the
 * handler succeeded: a failure answers 500 and Stripe delivers again. Handlers
 * are idempotent too, so two deliveries racing past the dedupe check are harmless.
 * Event types nobody acts on are acknowledged and ignored. An event its handler
 * rejects (it does not match the payment on record) is acknowledged too, so
 * Stripe does not retry it, but not recorded: only the genuine event may claim its id.
 */
export async function handlePaymentWebhook({
  db,
  rawBody,
  signature,
  handlers,
  secret = env.STRIPE_WEBHOOK_SECRET,
}: {
  db: Db;
  rawBody: string;
  signature: string | null;
  handlers: Record<string, PaymentEventHandler>;
  secret?: string;
}): Promise<WebhookOutcome> {
  if (!signature) throw new AppError("BAD_REQUEST", "Missing Stripe-Signature header.");
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature, secret, WEBHOOK_TOLERANCE_SECONDS);
  } catch (error) {
    throw new AppError("BAD_REQUEST", error instanceof Error ? `Webhook signature verification failed: ${error.message}` : "Webhook signature verification failed.");
  }

  const outcome = { eventId: event.id, type: event.type };
  if (await db.paymentWebhookEvent.findUnique({ where: { id: event.id }, select: { id: true } })) {
    return { ...outcome, result: "duplicate" };
  }

  const paymentEvent = toPaymentEvent(event);
  const handler = paymentEvent ? handlers[paymentEvent.metadata.kind ?? ""] : undefined;
  if (paymentEvent && handler) {
    if ((await handler(paymentEvent)) === "rejected") return { ...outcome, result: "rejected" };
  } else {
    log.debug({ eventId: event.id, type: event.type }, "webhook event ignored");
  }

  await db.paymentWebhookEvent.createMany({ data: [{ id: event.id, type: event.type }], skipDuplicates: true });
  return { ...outcome, result: paymentEvent && handler ? "applied" : "ignored" };
}

/** The facts systems act on; null for every other event type. */
export function toPaymentEvent(event: Stripe.Event): PaymentEvent | null {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const session = event.data.object;
      // Delayed payment methods complete the session unpaid; their async_payment_succeeded event follows.
      if (session.payment_status !== "paid") return null;
      return {
        id: event.id,
        type: "checkout.completed",
        sessionId: session.id,
        paymentIntentId: idOf(session.payment_intent) ?? "",
        amountTotal: session.amount_total ?? 0,
        currency: session.currency ?? "",
        metadata: session.metadata ?? {},
      };
    }
    case "checkout.session.expired": {
      const session = event.data.object;
      return {
        id: event.id,
        type: "checkout.expired",
        sessionId: session.id,
        amountTotal: session.amount_total ?? 0,
        currency: session.currency ?? "",
        metadata: session.metadata ?? {},
      };
    }
    case "checkout.session.async_payment_failed": {
      const session = event.data.object;
      return { id: event.id, type: "payment.failed", paymentIntentId: idOf(session.payment_intent) ?? "", message: "The payment failed.", metadata: session.metadata ?? {} };
    }
    case "payment_intent.payment_failed": {
      const intent = event.data.object;
      return {
        id: event.id,
        type: "payment.failed",
        paymentIntentId: intent.id,
        message: intent.last_payment_error?.message ?? "The payment failed.",
        metadata: intent.metadata,
      };
    }
    case "charge.refunded": {
      const charge = event.data.object;
      return {
        id: event.id,
        type: "refund.succeeded",
        paymentIntentId: idOf(charge.payment_intent) ?? "",
        amount: charge.amount,
        amountRefunded: charge.amount_refunded,
        currency: charge.currency,
        metadata: charge.metadata,
      };
    }
    default:
      return null;
  }
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}
