import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SimulatedCheckout } from "@/components/payments/simulated-checkout";
import { PageContainer } from "@/components/ui/page";
import { AppError } from "@/server/errors";
import { db } from "@/server/platform/db";
import { getSimulatedSessionOrThrow } from "@/server/platform/payments/simulator/get-simulated-session-or-throw";

export const metadata: Metadata = { title: "Test checkout" };

/** The checkout simulator's payment page: where Stripe's hosted Checkout would be. */
export default async function SimulatedCheckoutPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const session = await getSimulatedSessionOrThrow({ db, sessionId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <PageContainer width="narrow">
      <SimulatedCheckout session={session} />
    </PageContainer>
  );
}
