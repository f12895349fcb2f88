"use client";

import type { UseInfiniteQueryResult, InfiniteData } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { LoadMore } from "@/components/ui/load-more";
import type { TimelineItem } from "@/server/feed/hydrate/post-view";
import { NearEnd, TimelineSkeleton } from "./home-timeline";
import { PostCard } from "./post-card";

/** A paged list of timeline entries from Postgres (a profile tab, a hashtag, search results): loading, error, empty, infinite scroll. */
export function PagedPostList({
  pages,
  viewerId,
  emptyTitle,
  emptyDescription,
}: {
  /** Timeline pages; search pages add the words to highlight to each item. */
  pages: UseInfiniteQueryResult<InfiniteData<{ items: Array<TimelineItem & { highlights?: readonly string[] }> }>, { message: string }>;
  viewerId: string | null;
  emptyTitle: string;
  emptyDescription?: string;
}) {
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  if (pages.isPending) return <TimelineSkeleton />;
  if (pages.isError) return <LoadError title="Could not load the posts" message={pages.error.message} onRetry={() => void pages.refetch()} />;
  return (
    <div className="space-y-4">
      {items.length === 0 ? (
        <EmptyState title={emptyTitle} description={emptyDescription} />
      ) : (
        <Card className="divide-y divide-border">
          {items.map((item) => (
            <PostCard
              key={item.entryId}
              post={item.post}
              repostedBy={item.repostedBy}
              viewerId={viewerId}
              highlight={item.highlights}
              onDeleted={() => void pages.refetch()}
            />
          ))}
        </Card>
      )}
      <NearEnd onNear={() => pages.hasNextPage && !pages.isFetchingNextPage && !pages.isFetchNextPageError && void pages.fetchNextPage()} />
      <LoadMore pages={pages} items="posts" />
    </div>
  );
}
