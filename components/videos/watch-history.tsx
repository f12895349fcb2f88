"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { LoadMore } from "@/components/ui/load-more";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { VideoCard } from "./video-card";
import { formatDate, formatDuration } from "./video-format";

/** /videos/history: what I watched, newest first, with where I stopped; remove one, clear all, pause or resume the history. */
export function WatchHistory() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [confirmClear, setConfirmClear] = useState(false);
  const pages = useInfiniteQuery(trpc.videos.history.list.infiniteQueryOptions({ limit: 24 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.videos.history.list.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.videos.history.continueWatching.queryKey() })]);
  const onError = (error: { message: string }) => toast.show({ tone: "error", title: "Could not change your history", description: error.message });
  const remove = useMutation(trpc.videos.history.remove.mutationOptions({ onSuccess: refresh, onError }));
  const clear = useMutation(
    trpc.videos.history.clear.mutationOptions({
      onSuccess: async () => {
        setConfirmClear(false);
        toast.show({ tone: "success", title: "Your watch history is cleared" });
        await refresh();
      },
      onError,
    }),
  );
  const setPaused = useMutation(trpc.videos.history.setPaused.mutationOptions({ onSuccess: refresh, onError }));

  if (pages.isPending) {
    return (
      <div className="space-y-4" role="status" aria-busy="true" aria-label="Loading your history">
        {Array.from({ length: 3 }, (_, index) => (
          <Skeleton key={index} className="h-28 w-full rounded-xl" />
        ))}
      </div>
    );
  }
  if (pages.isError) return <LoadError title="Could not load your history" message={pages.error.message} onRetry={() => void pages.refetch()} />;

  const paused = pages.data.pages[0]?.paused ?? false;
  const items = pages.data.pages.flatMap((page) => page.items);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" loading={setPaused.isPending} onClick={() => setPaused.mutate({ paused: !paused })}>
          {paused ? "Resume history" : "Pause history"}
        </Button>
        <Button variant="ghost" disabled={items.length === 0} onClick={() => setConfirmClear(true)}>
          Clear all
        </Button>
      </div>
      {paused ? (
        <Alert tone="info" title="Your history is paused">
          What you watch now is not added, and no resume position is kept.
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <EmptyState
          title="Nothing watched yet"
          description={paused ? "Resume your history to keep what you watch here." : "Videos you watch appear here, with where you stopped."}
          action={
            <Link href="/videos" className={buttonClasses()}>
              Browse videos
            </Link>
          }
        />
      ) : (
        <ul className="space-y-4" aria-label="Watch history">
          {items.map((item) => (
            <li key={item.video.id} className="flex flex-col gap-3 sm:flex-row sm:items-start">
              <div className="sm:w-72">
                <VideoCard video={item.video} watched={item.video.durationSeconds ? item.positionSeconds / item.video.durationSeconds : undefined} />
              </div>
              <div className="flex flex-1 flex-wrap items-start justify-between gap-2 text-sm text-muted">
                <p>
                  Watched {formatDate(item.watchedAt)}, stopped at {formatDuration(item.positionSeconds)}
                </p>
                <Button variant="ghost" size="sm" loading={remove.isPending && remove.variables?.videoId === item.video.id} onClick={() => remove.mutate({ videoId: item.video.id })} aria-label={`Remove “${item.video.title}” from history`}>
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <LoadMore pages={pages} items="history" />
      <Dialog
        open={confirmClear}
        onClose={() => setConfirmClear(false)}
        title="Clear your whole watch history?"
        description="Every video leaves your history and “Continue watching”, with its resume position. This cannot be undone."
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirmClear(false)}>
              Cancel
            </Button>
            <Button variant="danger" loading={clear.isPending} onClick={() => clear.mutate()}>
              Clear history
            </Button>
          </>
        }
      />
    </div>
  );
}
