"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Tabs } from "@/components/ui/tabs";
import { HomeTimeline } from "./home-timeline";
import { PagedPostList } from "./paged-post-list";

const TABS = [
  { id: "following", label: "Following" },
  { id: "for-you", label: "For you" },
] as const;

type Tab = (typeof TABS)[number]["id"];

/** The feed's two tabs: "Following" (newest first, live) and "For you" (ranked by engagement and age). */
export function FeedHome({ viewerId }: { viewerId: string }) {
  const [tab, setTab] = useState<Tab>("following");
  return (
    <div className="space-y-4">
      <Tabs label="Timelines" tabs={TABS} value={tab} onChange={setTab} />
      {tab === "following" ? <HomeTimeline viewerId={viewerId} /> : <ForYou viewerId={viewerId} />}
    </div>
  );
}

function ForYou({ viewerId }: { viewerId: string }) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(trpc.feed.timeline.forYou.infiniteQueryOptions({ limit: 20 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  return (
    <PagedPostList
      pages={pages}
      viewerId={viewerId}
      emptyTitle="Nothing for you yet"
      emptyDescription="Posts of the last three days from the people you follow and the people they follow show here, the most liked and shared first."
    />
  );
}
