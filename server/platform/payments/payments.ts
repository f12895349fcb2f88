/**
 * Payments for every system (Shop today, Rides next): one interface, two
 * implementations chosen by configuration. With STRIPE_SECRET_KEY the real
 * Stripe API in test mode (stripe-gateway.ts); without it the built-in checkout
 * simulator (simulator-gateway.ts), which renders a local payment page and
 * delivers Stripe-format, Stripe-signed events to the same webhook route.
 *
 * Webhook events reach a system through `handlePaymentWebhook`
 * (handle-payment-webhook.ts) by the `kind` each system puts in its metadata.
 */

export type PaymentProvider = "stripe" | "simulator";

export type CheckoutLineItem = { name: string; unitAmountCents: number; quantity: number };

export type CreateCheckoutSessionInput = {
  lineItems: CheckoutLineItem[];
  /** ISO 4217, lower-case ("usd"). */
  currency: string;
  customerEmail: string;
  /**
   * An amount off the whole session, shown under its name. The caller computes
   * it (so its rounding is the caller's); the session's total is the line
   * items' sum minus it. Stripe: a one-time coupon; the simulator: its own.
   */
  discount?: { name: string; amountOffCents: number };
  /**
   * Copied to the session and its payment intent, so every event about it
   * carries it back. Must hold `kind` (which system's handler gets the events).
   */
  metadata: { kind: string } & Record<string, string>;
  /** May contain Stripe's `{CHECKOUT_SESSION_ID}` placeholder. */
  successUrl: string;
  cancelUrl: string;
  /** Stripe allows 30 minutes to 24 hours from now. */
  expiresAt: Date;
  /** The same key returns the same session (retries never create a second one). */
  idempotencyKey: string;
};

export type CheckoutSession = { id: string; url: string; expiresAt: Date };

export type RefundInput = {
  paymentIntentId: string;
  amountCents: number;
  idempotencyKey: string;
  metadata: { kind: string } & Record<string, string>;
};

export interface PaymentGateway {
  readonly provider: PaymentProvider;
  createCheckoutSession(input: CreateCheckoutSessionInput): Promise<CheckoutSession>;
  /**
   * Closes an open session so it can no longer be paid. "complete" means it was
   * paid first: the caller must keep what it holds (the completed event is on its way).
   */
  expireCheckoutSession(sessionId: string): Promise<"expired" | "complete">;
  refund(input: RefundInput): Promise<{ refundId: string }>;
}

/**
 * What a system's handler receives: Stripe's events narrowed to the facts a
 * system acts on. `id` is the Stripe event id (already deduplicated). Amounts
 * are in the currency's minor unit, currencies lower-case ISO 4217, so a
 * handler can hold them against what it stored (see payment-event-mismatches.ts).
 */
export type PaymentEvent =
  | { id: string; type: "checkout.completed"; sessionId: string; paymentIntentId: string; amountTotal: number; currency: string; metadata: Record<string, string> }
  | { id: string; type: "checkout.expired"; sessionId: string; amountTotal: number; currency: string; metadata: Record<string, string> }
  | { id: string; type: "payment.failed"; paymentIntentId: string; message: string; metadata: Record<string, string> }
  | {
      id: string;
      type: "refund.succeeded";
      paymentIntentId: string;
      /** What the refunded charge took. */
      amount: number;
      /** Refunded so far on that charge, this refund included. */
      amountRefunded: number;
      currency: string;
      metadata: Record<string, string>;
    };

/**
 * A system's reaction to its payment events. Must be idempotent: Stripe
 * delivers at least once. Resolves "rejected" for an event that does not match
 * the payment the system holds (a forged or misdirected event): it was not
 * applied and is not recorded as handled, so it can never shadow the genuine
 * event with the same id.
 */
export type PaymentEventHandler = (event: PaymentEvent) => Promise<void | "rejected">;
