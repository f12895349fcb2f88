import Stripe from "stripe";
import type { PaymentGateway } from "./payments";

/** Where the API is: Stripe's own by default; a stripe-mock style server in tests. */
export type StripeApiEndpoint = Pick<Stripe.StripeConfig, "host" | "port" | "protocol">;

/** Stripe refuses longer coupon names. */
const COUPON_NAME_MAX = 40;

/** Stripe in test (or live) mode, through the official library. Every write carries an idempotency key. */
export function createStripeGateway(secretKey: string, endpoint: StripeApiEndpoint = {}): PaymentGateway {
  const stripe = new Stripe(secretKey, { maxNetworkRetries: 2, appInfo: { name: "Casebook" }, ...endpoint });

  return {
    provider: "stripe",

    async createCheckoutSession(input) {
      // A one-time coupon for exactly this session's amount off: Stripe shows it under its name and takes it off the total.
      const coupon =
        input.discount && input.discount.amountOffCents > 0
          ? await stripe.coupons.create(
              { amount_off: input.discount.amountOffCents, currency: input.currency, duration: "once", max_redemptions: 1, name: input.discount.name.slice(0, COUPON_NAME_MAX) },
              { idempotencyKey: `${input.idempotencyKey}-coupon` },
            )
          : null;
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          line_items: input.lineItems.map((item) => ({
            quantity: item.quantity,
            price_data: { currency: input.currency, unit_amount: item.unitAmountCents, product_data: { name: item.name } },
          })),
          customer_email: input.customerEmail,
          ...(coupon ? { discounts: [{ coupon: coupon.id }] } : {}),
          metadata: input.metadata,
          // Failure events are about the payment intent: give it the same metadata so they find their way back.
          payment_intent_data: { metadata: input.metadata },
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          expires_at: Math.floor(input.expiresAt.getTime() / 1000),
        },
        { idempotencyKey: input.idempotencyKey },
      );
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
      return { id: session.id, url: session.url, expiresAt: new Date(session.expires_at * 1000) };
    },

    async expireCheckoutSession(sessionId) {
      const session = await stripe.checkout.sessions.retrieve(sessionId);
      if (session.status === "complete") return "complete";
      if (session.status === "expired") return "expired";
      try {
        await stripe.checkout.sessions.expire(sessionId);
        return "expired";
      } catch (error) {
        // Paid between our read and the expire call: Stripe refuses to expire a completed session.
        const after = await stripe.checkout.sessions.retrieve(sessionId);
        if (after.status === "complete") return "complete";
        throw error;
      }
    },

    async refund({ paymentIntentId, amountCents, idempotencyKey, metadata }) {
      const refund = await stripe.refunds.create({ payment_intent: paymentIntentId, amount: amountCents, metadata }, { idempotencyKey });
      return { refundId: refund.id };
    },
  };
}
