import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import type { PaymentEvent, PaymentEventHandler } from "@/server/platform/payments/payments";
import { amountDue } from "@/server/rides/trips/trip-view";

const log = logger.child({ module: "rides-payments" });

/**
 * What payment events do to a trip (the webhook route calls this for events
 * whose metadata.kind is "rides-trip", verified and deduplicated). Each is a
 * conditional update on the trip's current session, so a replayed or stale
 * event changes nothing. A completed event must match the session, amount and
 * currency the trip holds; anything else is rejected as forged or misdirected.
 *
 *   checkout.completed  → paid
 *   checkout.expired    pending → due (the rider may retry)
 *   payment.failed      pending → due: the page says the card was declined and offers a retry
 */
export const applyRidesPaymentEvent: PaymentEventHandler = async (event: PaymentEvent) => {
  const tripId = event.metadata.tripId;
  const trip = tripId ? await db.trip.findUnique({ where: { id: tripId }, select: { status: true, fareCents: true, cancelFeeCents: true, currency: true, checkoutSessionId: true } }) : null;
  if (!trip) {
    log.warn({ eventId: event.id, tripId }, "payment event for no known trip");
    return "rejected";
  }
  if (event.type === "checkout.completed") {
    if (event.sessionId !== trip.checkoutSessionId || event.amountTotal !== amountDue(trip) || event.currency !== trip.currency) {
      log.warn({ eventId: event.id, tripId }, "payment event does not match the trip's session, amount or currency");
      return "rejected";
    }
    await db.trip.updateMany({ where: { id: tripId, checkoutSessionId: event.sessionId }, data: { paymentStatus: "paid", paymentIntentId: event.paymentIntentId } });
  } else if (event.type === "checkout.expired") {
    await db.trip.updateMany({ where: { id: tripId, checkoutSessionId: event.sessionId, paymentStatus: "pending" }, data: { paymentStatus: "due" } });
  } else if (event.type === "payment.failed") {
    await db.trip.updateMany({ where: { id: tripId, paymentStatus: "pending" }, data: { paymentStatus: "due" } });
  }
};
