"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { LoadMore } from "@/components/ui/load-more";
import { Skeleton } from "@/components/ui/skeleton";
import { CommentForm } from "./comment-form";
import { CommentItem } from "./comment-item";
import { formatCount } from "./video-format";

type Sort = "newest" | "top";

/**
 * The watch page's comments: a form (signed in), newest or top first, each with its replies one level deep.
 * `load` false: the list waits (shown loading), as the watch page holds it back for the video's first frame.
 */
export function VideoComments({ videoId, commentCount, viewerId, load }: { videoId: string; commentCount: number; viewerId: string | null; load: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [sort, setSort] = useState<Sort>("newest");
  const sortId = useId();
  const pages = useInfiniteQuery(trpc.videos.comments.list.infiniteQueryOptions({ videoId, sort, limit: 20 }, { getNextPageParam: (page) => page.nextCursor ?? undefined, enabled: load }));
  const comments = pages.data?.pages.flatMap((page) => page.items) ?? [];
  // A change anywhere in the thread moves counts on the video too.
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.videos.comments.list.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.videos.get.queryKey({ id: videoId }) })]);

  return (
    <section aria-labelledby={`${sortId}-title`} className="space-y-4 border-t border-border pt-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={`${sortId}-title`} className="text-lg font-semibold text-fg">
          {formatCount(commentCount, "comment")}
        </h2>
        <label htmlFor={sortId} className="flex items-center gap-2 text-sm text-muted">
          Sort by
          <select id={sortId} value={sort} onChange={(event) => setSort(event.target.value as Sort)} className="rounded-md border border-border bg-surface px-2 py-1 text-fg">
            <option value="newest">Newest first</option>
            <option value="top">Top comments</option>
          </select>
        </label>
      </div>
      {viewerId ? (
        <CommentForm videoId={videoId} label="Add a comment" onPosted={() => void refresh()} />
      ) : (
        <p className="text-sm text-muted">
          <Link href={`/sign-in?next=${encodeURIComponent(`/videos/${videoId}`)}`} className="font-medium text-accent-text underline">
            Sign in
          </Link>{" "}
          to comment.
        </p>
      )}
      {pages.isPending ? (
        <div className="space-y-4" role="status" aria-busy="true" aria-label="Loading comments">
          {Array.from({ length: 3 }, (_, index) => (
            <Skeleton key={index} className="h-14 w-full" />
          ))}
        </div>
      ) : pages.isError ? (
        <LoadError title="Could not load the comments" message={pages.error.message} onRetry={() => void pages.refetch()} />
      ) : comments.length === 0 ? (
        <EmptyState title="No comments yet" description={viewerId ? "Say what you think: yours will be the first." : "Sign in and be the first to comment."} />
      ) : (
        <>
          <ul className="space-y-5" aria-label="Comments">
            {comments.map((comment) => (
              <li key={comment.id}>
                <CommentItem videoId={videoId} comment={comment} viewerId={viewerId} onChanged={() => void refresh()} />
              </li>
            ))}
          </ul>
          <LoadMore pages={pages} items="comments" />
        </>
      )}
    </section>
  );
}
