"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Avatar } from "@/components/ui/avatar";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import { channelHref, formatCount } from "./video-format";
import { VideoGridView } from "./video-grid";

/**
 * /videos/subscriptions: the channels I follow (each links to its page), then
 * their public videos, newest first, 24 at a time with "Load more". With no
 * subscription yet, a way to discover channels instead.
 */
export function MySubscriptions() {
  const trpc = useTRPC();
  const channels = useQuery(trpc.videos.subscribedChannels.queryOptions());
  const pages = useInfiniteQuery(trpc.videos.subscriptionVideos.infiniteQueryOptions({ limit: 24 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));

  if (channels.isPending) {
    return (
      <div className="flex gap-4" role="status" aria-busy="true" aria-label="Loading your subscriptions">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="size-16 rounded-full" />
        ))}
      </div>
    );
  }
  if (channels.isError) return <LoadError title="Could not load your subscriptions" message={channels.error.message} onRetry={() => void channels.refetch()} />;
  if (channels.data.length === 0) {
    return (
      <EmptyState
        title="No subscriptions yet"
        description="Subscribe to a channel from any of its videos or from its page, and its new uploads gather here."
        action={
          <Link href="/videos" className={buttonClasses()}>
            Discover videos
          </Link>
        }
      />
    );
  }
  return (
    <div className="space-y-10">
      <section className="space-y-3" aria-labelledby="subscribed-channels">
        <h2 id="subscribed-channels" className="text-lg font-semibold text-fg">
          Channels
        </h2>
        <ul className="flex flex-wrap gap-3" aria-label="Channels you subscribe to">
          {channels.data.map((channel) => (
            <li key={channel.id}>
              <Link href={channelHref(channel)} className="flex items-center gap-3 rounded-xl border border-border px-3 py-2 hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-accent">
                <Avatar name={channel.name} image={channel.image} size="sm" />
                <span className="min-w-0">
                  <span className="block truncate font-medium text-fg">{channel.name}</span>
                  <span className="block text-xs text-muted">{formatCount(channel.videoCount, "video")}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="space-y-3" aria-labelledby="subscription-videos">
        <h2 id="subscription-videos" className="text-lg font-semibold text-fg">
          Latest videos
        </h2>
        <VideoGridView
          pages={pages}
          label="Videos from your subscriptions"
          empty={<EmptyState title="Nothing published yet" description="The channels you follow have not published a public video yet. Their new uploads appear here." />}
        />
      </section>
    </div>
  );
}
