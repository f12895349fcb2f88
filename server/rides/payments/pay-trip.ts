import { randomUUID } from "node:crypto";
import { AppError } from "@/server/errors";
import type { SessionUser } from "@/server/platform/auth";
import type { Db } from "@/server/platform/db";
import type { PaymentGateway } from "@/server/platform/payments/payments";
import { amountDue } from "@/server/rides/trips/trip-view";

export const RIDES_PAYMENT_KIND = "rides-trip";
/** Stripe's shortest checkout session. */
const CHECKOUT_MINUTES = 30;

/**
 * Opens a payment session for what the rider owes (the fare of a completed
 * trip, or a late cancellation's fee); the browser goes to the answered `url`.
 * A failed or abandoned payment leaves the trip "payment due" and this is the
 * retry: the previous session is closed first, so only one can ever be paid.
 */
export async function payTrip({ db, payments, rider, tripId, origin }: { db: Db; payments: PaymentGateway; rider: SessionUser; tripId: string; origin: string }): Promise<{ url: string }> {
  const trip = await db.trip.findFirst({
    where: { id: tripId, riderId: rider.id },
    select: { status: true, fareCents: true, cancelFeeCents: true, currency: true, paymentStatus: true, checkoutSessionId: true, pickupName: true, dropoffName: true },
  });
  if (!trip) throw new AppError("NOT_FOUND", "No such trip.");
  const amount = amountDue(trip);
  if (trip.paymentStatus === "paid") throw new AppError("CONFLICT", "This trip is already paid.");
  if (amount === 0 || trip.paymentStatus === "none") throw new AppError("CONFLICT", "Nothing is owed for this trip.");
  if (trip.checkoutSessionId && (await payments.expireCheckoutSession(trip.checkoutSessionId)) === "complete") {
    throw new AppError("CONFLICT", "Your payment went through; the receipt is on its way.");
  }
  const tripPage = `${origin}/rides?trip=${tripId}`;
  const session = await payments.createCheckoutSession({
    lineItems: [{ name: trip.status === "cancelled" ? "Cancellation fee" : `Ride ${trip.pickupName || "pickup"} → ${trip.dropoffName || "drop-off"}`, unitAmountCents: amount, quantity: 1 }],
    currency: trip.currency,
    customerEmail: rider.email,
    metadata: { kind: RIDES_PAYMENT_KIND, tripId },
    successUrl: `${tripPage}&payment=success`,
    cancelUrl: `${tripPage}&payment=cancelled`,
    expiresAt: new Date(Date.now() + CHECKOUT_MINUTES * 60_000),
    // Each attempt is a new session (the last one was just closed); a double click opens two, and only the last is kept.
    idempotencyKey: `rides-trip-${tripId}-${randomUUID()}`,
  });
  await db.trip.updateMany({ where: { id: tripId, paymentStatus: { in: ["due", "pending"] } }, data: { paymentStatus: "pending", checkoutSessionId: session.id } });
  return { url: session.url };
}
