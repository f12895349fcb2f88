import { headers } from "next/headers";
import { HomeHero } from "@/components/home/home-hero";
import { HomeOverview } from "@/components/home/home-overview";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { PageContainer } from "@/components/ui/page";
import { getDemoSignIn } from "@/server/accounts/get-demo-sign-in";
import { getSessionUser } from "@/server/platform/auth";

export default async function HomePage() {
  // Server-render the numbers; the client keeps them fresh from here.
  const [user] = await Promise.all([getSessionUser(new Headers(await headers())), getQueryClient().prefetchQuery(trpc.system.homeStats.queryOptions())]);
  return (
    <PageContainer className="space-y-10">
      <HomeHero signedIn={user !== null} demo={getDemoSignIn()} />
      <HydrateClient>
        <HomeOverview />
      </HydrateClient>
    </PageContainer>
  );
}
