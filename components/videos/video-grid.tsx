"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/trpc/client";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { LoadMore } from "@/components/ui/load-more";
import { Skeleton } from "@/components/ui/skeleton";
import type { VideoView } from "@/server/videos/video-view";
import { VideoCard } from "./video-card";

/** The part of a paged video query the grid reads (TanStack Query's useInfiniteQuery result fits). */
type VideoPages = {
  isPending: boolean;
  isError: boolean;
  error: { message: string } | null;
  data: { pages: Array<{ items: VideoView[] }> } | undefined;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
};

/** The latest public videos, newest first, 24 at a time: everyone's on /videos, one channel's on its page. */
export function VideoGrid({ channelId = null, label = "Latest videos" }: { channelId?: string | null; label?: string }) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(trpc.videos.list.infiniteQueryOptions({ limit: 24, channelId }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const empty = channelId ? (
    <EmptyState title="No videos yet" description="This channel has not published a public video yet." />
  ) : (
    <EmptyState
      title="No videos yet"
      description="Be the first: upload a clip and it appears here once it is transcoded."
      action={
        <Link href="/videos/upload" className={buttonClasses()}>
          Upload a video
        </Link>
      }
    />
  );
  return <VideoGridView pages={pages} label={label} empty={empty} />;
}

/** A paged grid of video cards: skeletons while loading, the error with a retry, `empty` when there are none, "Load more" under it. */
export function VideoGridView({ pages, label, empty }: { pages: VideoPages; label: string; empty: ReactNode }) {
  const videos = pages.data?.pages.flatMap((page) => page.items) ?? [];
  if (pages.isPending) {
    return (
      <div className="grid gap-x-4 gap-y-8 sm:grid-cols-2 lg:grid-cols-3" role="status" aria-busy="true" aria-label="Loading videos">
        {Array.from({ length: 6 }, (_, index) => (
          <div key={index} className="space-y-3">
            <Skeleton className="aspect-video w-full rounded-xl" />
            <Skeleton className="h-4 w-3/4" />
            <Skeleton className="h-3 w-1/3" />
          </div>
        ))}
      </div>
    );
  }
  if (pages.isError) return <LoadError title="Could not load videos" message={pages.error?.message ?? ""} onRetry={() => void pages.refetch()} />;
  if (videos.length === 0) return empty;
  return (
    <div className="space-y-8">
      <ul className="grid gap-x-4 gap-y-8 sm:grid-cols-2 lg:grid-cols-3" aria-label={label}>
        {videos.map((video) => (
          <li key={video.id}>
            <VideoCard video={video} />
          </li>
        ))}
      </ul>
      <LoadMore pages={pages} items="videos" />
    </div>
  );
}
