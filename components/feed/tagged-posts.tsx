"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { LoadMore } from "@/components/ui/load-more";
import { NearEnd, TimelineSkeleton } from "./home-timeline";
import { PostCard } from "./post-card";

/** /feed/tag/[tag]: the posts carrying a hashtag, newest first. */
export function TaggedPosts({ tag, viewerId }: { tag: string; viewerId: string | null }) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(trpc.feed.posts.byTag.infiniteQueryOptions({ tag, limit: 20 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  if (pages.isPending) return <TimelineSkeleton />;
  if (pages.isError) return <LoadError title="Could not load the posts" message={pages.error.message} onRetry={() => void pages.refetch()} />;
  return (
    <div className="space-y-4">
      {items.length === 0 ? (
        <EmptyState title={`No posts with #${tag} yet`} description="Posts that use it will show up here." />
      ) : (
        <Card className="divide-y divide-border">
          {items.map((item) => (
            <PostCard key={item.entryId} post={item.post} viewerId={viewerId} onDeleted={() => void pages.refetch()} />
          ))}
        </Card>
      )}
      <NearEnd onNear={() => pages.hasNextPage && !pages.isFetchingNextPage && !pages.isFetchNextPageError && void pages.fetchNextPage()} />
      <LoadMore pages={pages} items="posts" />
    </div>
  );
}
