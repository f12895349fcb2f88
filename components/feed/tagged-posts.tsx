"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { PagedPostList } from "./paged-post-list";

/** /feed/tag/[tag]: the posts carrying a hashtag, newest first. */
export function TaggedPosts({ tag, viewerId }: { tag: string; viewerId: string | null }) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(trpc.feed.posts.byTag.infiniteQueryOptions({ tag, limit: 20 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  return <PagedPostList pages={pages} viewerId={viewerId} emptyTitle={`No posts with #${tag} yet`} emptyDescription="Posts that use it will show up here." />;
}
