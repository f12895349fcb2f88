import type { Metadata } from "next";
import { headers } from "next/headers";
import { SignInPrompt } from "@/components/auth/sign-in-prompt";
import { TripReceipt } from "@/components/rides/history/trip-receipt";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { getSessionUser } from "@/server/platform/auth";

export const metadata: Metadata = { title: "Trip receipt" };

/** A trip's receipt, for its rider or its driver (anyone else's is "not found", from rides.trip). */
export default async function TripReceiptPage({ params }: { params: Promise<{ tripId: string }> }) {
  const [{ tripId }, requestHeaders] = await Promise.all([params, headers()]);
  const user = await getSessionUser(new Headers(requestHeaders));
  return (
    <PageContainer>
      <PageHeader title="Trip receipt" />
      {user ? <TripReceipt tripId={tripId} /> : <SignInPrompt title="Sign in to see this receipt" description="Receipts are for the trip's rider and driver." next={`/rides/trips/${tripId}`} />}
    </PageContainer>
  );
}
