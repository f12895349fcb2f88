import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { DriverPanel } from "@/components/rides/trip/driver-panel";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
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
        <EmptyState
          title="Sign in to drive"
          description="Demo drivers: sign in as dan_driver, erin_driver or frank_driver."
          action={
            <Link href="/sign-in?next=/rides/drive" className={buttonClasses()}>
              Sign in
            </Link>
          }
        />
      )}
    </PageContainer>
  );
}
