"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { LoadMore } from "@/components/ui/load-more";
import { Skeleton } from "@/components/ui/skeleton";
import { feedAuthorChannel, feedHomeChannel, type NewPostEvent } from "@/server/feed/feed-channels";
import type { TimelineItem } from "@/server/feed/hydrate/post-view";
import { ComposeBox } from "./compose-box";
import { countNewer, FeedChannelListener } from "./feed-channel-listener";
import { PostCard } from "./post-card";

const PAGE_SIZE = 20;

/**
 * The "Following" timeline: compose on top, then pages of 20 loaded as the
 * reader nears the end (or with "Load more"), and a "N new posts" pill fed
 * live by the feed channels that reloads the top in place. The cursor is the
 * last entry's id, so pages never repeat or skip while posts arrive.
 */
export function HomeTimeline({ viewerId }: { viewerId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.feed.timeline.home.infiniteQueryOptions({ limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined });
  const pages = useInfiniteQuery(options);
  const [arrived, setArrived] = useState<ReadonlySet<string>>(new Set());
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());

  const items = (pages.data?.pages.flatMap((page) => page.items) ?? []).filter((item) => !removed.has(item.entryId));
  const newestShown = pages.data?.pages[0]?.items[0]?.entryId ?? null;
  const celebrityIds = pages.data?.pages[0]?.celebrityIds ?? [];
  const newCount = countNewer(arrived, newestShown);

  const onNewPost = (event: NewPostEvent) => {
    if (event.authorId === viewerId) return;
    setArrived((current) => (current.has(event.postId) ? current : new Set(current).add(event.postId)));
  };
  const showNewPosts = async () => {
    window.scrollTo({ top: 0, behavior: "smooth" });
    await queryClient.resetQueries({ queryKey: options.queryKey });
    setArrived(new Set());
  };

  // The first page may already hold the post: a load that was still on its way when it was posted.
  const prepend = (item: TimelineItem) =>
    queryClient.setQueryData(options.queryKey, (data) =>
      data && !data.pages.some((page) => page.items.some((shown) => shown.entryId === item.entryId))
        ? { ...data, pages: data.pages.map((page, index) => (index === 0 ? { ...page, items: [item, ...page.items] } : page)) }
        : data,
    );

  return (
    <div className="space-y-4">
      <FeedChannelListener channel={feedHomeChannel(viewerId)} onPost={onNewPost} />
      {celebrityIds.map((id) => (
        <FeedChannelListener key={id} channel={feedAuthorChannel(id)} onPost={onNewPost} />
      ))}
      <Card className="p-4">
        <ComposeBox onPosted={(post) => prepend({ entryId: post.id, repostedBy: null, post })} />
      </Card>

      {newCount > 0 ? (
        <div className="sticky top-20 z-10 flex justify-center">
          <button
            type="button"
            onClick={() => void showNewPosts()}
            className="rounded-full bg-accent px-4 py-2 text-sm font-semibold text-accent-fg shadow-lg hover:bg-accent-hover"
          >
            Show {newCount} new post{newCount === 1 ? "" : "s"}
          </button>
        </div>
      ) : null}

      {pages.isPending ? (
        <TimelineSkeleton />
      ) : pages.isError ? (
        <LoadError title="Could not load your timeline" message={pages.error.message} onRetry={() => void pages.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title="Your timeline is empty"
          description="Follow people to see their posts here: find them through the @names in posts, or post something yourself."
        />
      ) : (
        <Card className="divide-y divide-border" aria-label="Timeline">
          {items.map((item) => (
            <PostCard
              key={item.entryId}
              post={item.post}
              repostedBy={item.repostedBy}
              viewerId={viewerId}
              onDeleted={() => setRemoved((current) => new Set(current).add(item.entryId))}
            />
          ))}
        </Card>
      )}
      <NearEnd onNear={() => pages.hasNextPage && !pages.isFetchingNextPage && !pages.isFetchNextPageError && void pages.fetchNextPage()} />
      <LoadMore pages={pages} items="posts" />
    </div>
  );
}

/** Calls `onNear` when the end of the list comes within a screen of the viewport (infinite scroll). */
export function NearEnd({ onNear }: { onNear: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef(onNear);
  useEffect(() => {
    latest.current = onNear;
  });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && latest.current(), { rootMargin: "100% 0px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return <div ref={ref} aria-hidden="true" />;
}

export function TimelineSkeleton() {
  return (
    <Card role="status" aria-label="Loading posts" className="divide-y divide-border">
      {Array.from({ length: 4 }, (_, index) => (
        <div key={index} className="flex gap-3 px-4 py-4">
          <Skeleton className="size-10 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-1/3" />
            <Skeleton className="h-4 w-5/6" />
          </div>
        </div>
      ))}
    </Card>
  );
}
