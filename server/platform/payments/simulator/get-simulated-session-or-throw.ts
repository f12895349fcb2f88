import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";

const LineItems = z.array(z.object({ name: z.string(), unitAmountCents: z.number().int(), quantity: z.number().int() }));

/** What the simulator's payment page shows: the session as the payer sees it on Stripe's page. */
export type SimulatedSessionView = {
  id: string;
  status: "open" | "complete" | "expired";
  amountTotal: number;
  /** Taken off the line items by a coupon; amountTotal is after it. */
  discount: { name: string; amountCents: number } | null;
  currency: string;
  customerEmail: string | null;
  lineItems: z.infer<typeof LineItems>;
  cancelUrl: string;
  expiresAt: Date;
};

export async function getSimulatedSessionOrThrow({ db, sessionId, now = new Date() }: { db: Db; sessionId: string; now?: Date }): Promise<SimulatedSessionView> {
  const session = await db.simulatedCheckoutSession.findUnique({ where: { id: sessionId } });
  if (!session) throw new AppError("NOT_FOUND", "This checkout session does not exist.");
  const status = session.status === "open" && session.expiresAt <= now ? "expired" : session.status;
  return {
    id: session.id,
    status: status === "complete" || status === "expired" ? status : "open",
    amountTotal: session.amountTotal,
    discount: session.amountDiscount > 0 ? { name: session.discountName ?? "Discount", amountCents: session.amountDiscount } : null,
    currency: session.currency,
    customerEmail: session.customerEmail,
    lineItems: LineItems.parse(session.lineItems),
    cancelUrl: session.cancelUrl,
    expiresAt: session.expiresAt,
  };
}
