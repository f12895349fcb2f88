import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { SignInPrompt } from "@/components/auth/sign-in-prompt";
import { TripHistory } from "@/components/rides/history/trip-history";
import { RiderView } from "@/components/rides/trip/rider-view";
import { RidePlanner } from "@/components/rides/where-to/ride-planner";
import { buttonClasses } from "@/components/ui/button";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { getSessionUser } from "@/server/platform/auth";
import { mapSettings } from "@/server/platform/map-settings";
import { DEMO_CITY } from "@/server/rides/demo-city/city";

export const metadata: Metadata = { title: "Rides" };

export default async function RidesPage() {
  const user = await getSessionUser(new Headers(await headers()));
  return (
    <PageContainer>
      <PageHeader
        title="Rides"
        description={`Where to? Pick your pickup and drop-off in ${DEMO_CITY.name}: type a place, click the map or use your location.`}
        actions={
          <Link href="/rides/drive" className={buttonClasses({ variant: "secondary" })}>
            Drive
          </Link>
        }
      />
      {user ? (
        <div className="space-y-8">
          <RiderView settings={mapSettings()} />
          <TripHistory />
        </div>
      ) : (
        <RidePlanner settings={mapSettings()}>
          <SignInPrompt title="Sign in to request a ride" description="See the fare, the nearest driver and your trip live. Demo riders: alice or bob." next="/rides" />
        </RidePlanner>
      )}
    </PageContainer>
  );
}
