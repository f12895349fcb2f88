import { HomeOverview } from "@/components/home/home-overview";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { PageContainer } from "@/components/ui/page";

export default async function HomePage() {
  // Server-render the numbers; the client keeps them fresh from here.
  await getQueryClient().prefetchQuery(trpc.system.homeStats.queryOptions());
  return (
    <PageContainer className="space-y-10">
      <section className="max-w-3xl space-y-4 pt-2">
        <h1 className="text-3xl font-semibold tracking-tight text-fg sm:text-4xl">Six large-scale systems, running for real.</h1>
        <p className="text-lg text-muted">
          A URL shortener, chat, a social feed, a shop, video streaming and ride sharing — each on real Postgres, Redis,
          queues and WebSockets, built the way they are at scale.
        </p>
      </section>
      <HydrateClient>
        <HomeOverview />
      </HydrateClient>
    </PageContainer>
  );
}
