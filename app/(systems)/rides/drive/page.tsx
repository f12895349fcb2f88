import type { Metadata } from "next";
import { headers } from "next/headers";
import { SignInPrompt } from "@/components/auth/sign-in-prompt";
import { DriverPanel } from "@/components/rides/trip/driver-panel";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { getSessionUser } from "@/server/platform/auth";

export const metadata: Metadata = { title: "Drive" };

export default async function DrivePage() {
  const user = await getSessionUser(new Headers(await headers()));
  return (
    <PageContainer>
      <PageHeader eyebrow="Rides" title="Drive" description="Go online, take ride requests near you and follow each trip from pickup to drop-off." />
      {user ? (
        <DriverPanel driverId={user.id} />
      ) : (
        <SignInPrompt title="Sign in to drive" description="Demo drivers: sign in as dan_driver, erin_driver or frank_driver." next="/rides/drive" />
      )}
    </PageContainer>
  );
}
