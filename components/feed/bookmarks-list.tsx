"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { PagedPostList } from "./paged-post-list";

/** /feed/bookmarks: the posts I saved, the latest saved first. Only I see them. */
export function BookmarksList({ viewerId }: { viewerId: string }) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(trpc.feed.posts.bookmarks.infiniteQueryOptions({ limit: 20 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  return <PagedPostList pages={pages} viewerId={viewerId} emptyTitle="No bookmarks yet" emptyDescription="Save a post with its bookmark button to find it here later. Only you see your bookmarks." />;
}
