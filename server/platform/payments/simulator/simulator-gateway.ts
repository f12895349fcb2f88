import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import type { PaymentGateway } from "../payments";
import { checkoutExpiredEvent, chargeRefundedEvent, stripeId, type StripeEventJson } from "./stripe-objects";

/** Sends an event to the webhook endpoint, as Stripe would (see deliver-simulator-event.ts). */
export type DeliverEvent = (event: StripeEventJson) => Promise<void>;

/**
 * Where the payer goes to pay a simulated session (app/pay/[sessionId]). Stripe's
 * page is on Stripe; the simulator's is on this app, at the origin the buyer is
 * using and will return to: the success URL's (a page on another host name would
 * find the buyer signed out).
 */
export function simulatorPageUrl(sessionId: string, successUrl: string): string {
  return `${new URL(successUrl).origin}/pay/${sessionId}`;
}

/**
 * The checkout simulator: sessions, expiry and refunds with Stripe's semantics,
 * kept in Postgres. Payment itself happens on the simulator's page
 * (pay-simulated-session.ts); every outcome reaches the systems as a signed
 * Stripe event through the webhook route, exactly like Stripe's.
 */
export function createSimulatorGateway({ db, deliver }: { db: Db; deliver: DeliverEvent }): PaymentGateway {
  return {
    provider: "simulator",

    async createCheckoutSession(input) {
      // Stripe answers a repeated idempotency key with the first response.
      const existing = await db.simulatedCheckoutSession.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (existing) return { id: existing.id, url: simulatorPageUrl(existing.id, existing.successUrl), expiresAt: existing.expiresAt };

      const amountSubtotal = input.lineItems.reduce((sum, item) => sum + item.unitAmountCents * item.quantity, 0);
      // Like a Stripe coupon: never more than the line items.
      const amountDiscount = Math.min(Math.max(input.discount?.amountOffCents ?? 0, 0), amountSubtotal);
      const session = await db.simulatedCheckoutSession.create({
        data: {
          id: stripeId("cs_test", 58),
          paymentIntentId: stripeId("pi"),
          amountTotal: amountSubtotal - amountDiscount,
          amountDiscount,
          discountName: amountDiscount > 0 ? (input.discount?.name ?? null) : null,
          currency: input.currency,
          customerEmail: input.customerEmail,
          lineItems: input.lineItems satisfies Prisma.InputJsonValue,
          metadata: input.metadata,
          successUrl: input.successUrl,
          cancelUrl: input.cancelUrl,
          idempotencyKey: input.idempotencyKey,
          expiresAt: input.expiresAt,
        },
      });
      return { id: session.id, url: simulatorPageUrl(session.id, input.successUrl), expiresAt: session.expiresAt };
    },

    async expireCheckoutSession(sessionId) {
      const expired = await db.simulatedCheckoutSession.updateManyAndReturn({
        where: { id: sessionId, status: "open" },
        data: { status: "expired" },
      });
      const session = expired[0];
      if (session) {
        await deliver(checkoutExpiredEvent(session));
        return "expired";
      }
      const current = await db.simulatedCheckoutSession.findUnique({ where: { id: sessionId } });
      if (!current) throw new AppError("NOT_FOUND", `No such checkout session: ${sessionId}`);
      return current.status === "complete" ? "complete" : "expired";
    },

    async refund({ paymentIntentId, amountCents, idempotencyKey }) {
      const existing = await db.simulatedRefund.findUnique({ where: { idempotencyKey } });
      if (existing) return { refundId: existing.id };

      const session = await db.simulatedCheckoutSession.findUnique({ where: { paymentIntentId } });
      if (!session || session.paymentStatus !== "paid") {
        throw new AppError("BAD_REQUEST", `PaymentIntent ${paymentIntentId} has no successful charge to refund.`);
      }
      const refund = await db.$transaction(async (tx) => {
        const refunded = await tx.simulatedRefund.aggregate({ where: { paymentIntentId }, _sum: { amount: true } });
        const alreadyRefunded = refunded._sum.amount ?? 0;
        if (amountCents <= 0 || alreadyRefunded + amountCents > session.amountTotal) {
          throw new AppError("BAD_REQUEST", `Refund amount exceeds the ${session.amountTotal - alreadyRefunded} left on the charge.`);
        }
        const created = await tx.simulatedRefund.create({
          data: { id: stripeId("re"), paymentIntentId, amount: amountCents, idempotencyKey },
        });
        return { id: created.id, amountRefunded: alreadyRefunded + amountCents };
      });
      await deliver(chargeRefundedEvent(session, refund));
      return { refundId: refund.id };
    },
  };
}
