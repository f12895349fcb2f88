"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { cn } from "@/components/ui/cn";
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
      <div role="tablist" aria-label="Timelines" className="flex gap-1 border-b border-border">
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            onClick={() => setTab(id)}
            className={cn("-mb-px border-b-2 px-4 py-2 text-sm font-medium", tab === id ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg")}
          >
            {label}
          </button>
        ))}
      </div>
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
