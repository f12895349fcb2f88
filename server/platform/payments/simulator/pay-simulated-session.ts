import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { DeliverEvent } from "./simulator-gateway";
import { checkoutCompletedEvent, paymentFailedEvent } from "./stripe-objects";
import { judgeTestCard } from "./test-cards";

/** What the simulator's payment page (and bench:shop) posts. Limits are the card fields' own. */
export const PayInput = z.object({
  number: z.string().trim().min(1, "Enter a card number.").max(23),
  expiry: z.string().trim().min(1, "Enter the expiry date as MM / YY.").max(7),
  cvc: z.string().trim().min(1, "Enter the security code.").max(4),
  name: z.string().trim().max(100).optional(),
});
export type PayInput = z.infer<typeof PayInput>;

export type PayResult =
  | { outcome: "succeeded"; redirectUrl: string }
  | { outcome: "declined"; code: string; declineCode: string | null; message: string };

/**
 * Charges a simulated checkout session with a Stripe test card. Issuer
 * declines emit `payment_intent.payment_failed` (as Stripe does); card numbers
 * or dates that are malformed are refused without an event, as Stripe's form
 * catches those before submitting. A session can be paid once; paying it again
 * returns the same success.
 */
export async function paySimulatedSession({
  db,
  deliver,
  sessionId,
  card,
  now = new Date(),
}: {
  db: Db;
  deliver: DeliverEvent;
  sessionId: string;
  card: PayInput;
  now?: Date;
}): Promise<PayResult> {
  const session = await db.simulatedCheckoutSession.findUnique({ where: { id: sessionId } });
  if (!session) throw new AppError("NOT_FOUND", "This checkout session does not exist.");
  const success = { outcome: "succeeded" as const, redirectUrl: session.successUrl.replaceAll("{CHECKOUT_SESSION_ID}", session.id) };
  if (session.status === "complete") return success;
  if (session.status === "expired" || session.expiresAt <= now) throw new AppError("GONE", "This checkout session has expired.");

  const verdict = judgeTestCard(card, now);
  if (!verdict.approved) {
    const issuerDecline = verdict.code === "card_declined" || verdict.code === "expired_card" || verdict.code === "incorrect_cvc" || verdict.code === "processing_error";
    if (issuerDecline) await deliver(paymentFailedEvent(session, verdict));
    return { outcome: "declined", code: verdict.code, declineCode: verdict.declineCode ?? null, message: verdict.message };
  }

  // Conditional on still being open and unexpired: a concurrent expiry and payment cannot both win.
  const completed = await db.simulatedCheckoutSession.updateManyAndReturn({
    where: { id: session.id, status: "open", expiresAt: { gt: now } },
    data: { status: "complete", paymentStatus: "paid", completedAt: now },
  });
  const paid = completed[0];
  if (!paid) {
    const current = await db.simulatedCheckoutSession.findUnique({ where: { id: session.id } });
    if (current?.status === "complete") return success;
    throw new AppError("GONE", "This checkout session has expired.");
  }
  await deliver(checkoutCompletedEvent(paid));
  return success;
}
