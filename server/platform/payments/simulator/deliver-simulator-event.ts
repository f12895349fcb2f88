import Stripe from "stripe";
import { appUrl, env } from "@/server/env";
import { enqueue } from "@/server/platform/queue";
import type { DeliverEvent } from "./simulator-gateway";
import type { StripeEventJson } from "./stripe-objects";

/** How the simulator sends in the running app: queued for the worker, so deliveries retry and survive restarts. */
export const queueSimulatorEvent: DeliverEvent = (event) => enqueue("deliver-payment-event", { event });

/** The webhook endpoint the simulator calls: the same route Stripe would. */
export function simulatorWebhookUrl(): string {
  return env.PAYMENTS_SIMULATOR_WEBHOOK_URL ?? `${appUrl}/api/webhooks/stripe`;
}

/**
 * One delivery attempt, as Stripe makes it: the JSON body signed with the
 * endpoint's secret in a `Stripe-Signature` header stamped now (so a retry
 * carries a fresh timestamp). Throws unless the endpoint answers 2xx, which
 * makes the queue retry with backoff, like Stripe's redelivery.
 */
export async function postSignedEvent(
  event: StripeEventJson,
  { url = simulatorWebhookUrl(), secret = env.STRIPE_WEBHOOK_SECRET }: { url?: string; secret?: string } = {},
): Promise<void> {
  const payload = JSON.stringify(event, null, 2);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": signature, "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks) casebook-simulator" },
    body: payload,
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`Webhook endpoint answered ${response.status} to ${event.type} ${event.id}`);
}
