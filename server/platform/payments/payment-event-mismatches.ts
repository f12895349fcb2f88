import type { PaymentEvent } from "./payments";

/** The payment a system holds for the thing being paid for (an order, a ride). */
export type PaymentOnRecord = {
  /** The checkout session the system opened; null until it has one. */
  sessionId: string | null;
  /** The payment intent of the completed session; null until paid. */
  paymentIntentId: string | null;
  amountCents: number;
  currency: string;
};

export type PaymentMismatch = {
  field: "sessionId" | "paymentIntentId" | "amount" | "currency";
  expected: string | number | null;
  received: string | number;
};

/**
 * How a payment event differs from the payment on record; empty when it may be
 * applied. A valid signature proves only that the event was signed with the
 * webhook secret: the metadata that names the order is whatever the signer
 * wrote. So a checkout event must be about the session opened for that order,
 * and a refund about the payment that order received, each for its exact
 * amount and currency. A failed-payment event is not checked here: it names a
 * payment intent the system does not know before payment, and a system must
 * not let it end anything on its own.
 */
export function paymentEventMismatches(event: PaymentEvent, record: PaymentOnRecord): PaymentMismatch[] {
  switch (event.type) {
    case "checkout.completed":
    case "checkout.expired":
      return differences([
        { field: "sessionId", expected: record.sessionId, received: event.sessionId },
        { field: "amount", expected: record.amountCents, received: event.amountTotal },
        { field: "currency", expected: record.currency.toLowerCase(), received: event.currency.toLowerCase() },
      ]);
    case "refund.succeeded":
      return differences([
        { field: "paymentIntentId", expected: record.paymentIntentId, received: event.paymentIntentId },
        { field: "amount", expected: record.amountCents, received: event.amount },
        { field: "currency", expected: record.currency.toLowerCase(), received: event.currency.toLowerCase() },
      ]);
    case "payment.failed":
      return [];
  }
}

function differences(checks: PaymentMismatch[]): PaymentMismatch[] {
  return checks.filter((check) => check.expected !== check.received);
}
