import type { Metadata } from "next";
import { headers } from "next/headers";
import { ExploreView, type ExploreTab } from "@/components/feed/explore-view";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { getSessionUser } from "@/server/platform/auth";

export const metadata: Metadata = { title: "Explore · Feed" };

type SearchParams = { searchParams: Promise<{ q?: string | string[]; tab?: string | string[] }> };

/** /feed/explore?q=…&tab=posts|people: search, trending hashtags and who to follow. Open to everyone, like posts. */
export default async function FeedExplorePage({ searchParams }: SearchParams) {
  const params = await searchParams;
  const q = (typeof params.q === "string" ? params.q : "").trim().slice(0, 200);
  const tab: ExploreTab = params.tab === "people" ? "people" : "posts";
  const viewer = await getSessionUser(new Headers(await headers()));
  return (
    <PageContainer>
      <PageHeader eyebrow="Feed" title="Explore" description="Search posts and people, see what is trending, find people to follow." />
      <ExploreView key={`${q}:${tab}`} q={q} tab={tab} viewerId={viewer?.id ?? null} />
    </PageContainer>
  );
}
