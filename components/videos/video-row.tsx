"use client";

import type { ReactNode } from "react";
import { LoadError } from "@/components/ui/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import type { VideoView } from "@/server/videos/video-view";
import { VideoCard } from "./video-card";

type RowItem = { video: VideoView; watched?: number };
type RowQuery = { isPending: boolean; isError: boolean; error: { message: string } | null; data: RowItem[] | undefined; refetch: () => unknown };

/**
 * A titled row of videos on the /videos home ("Continue watching", "From
 * your subscriptions"): skeletons while loading, the error with a retry,
 * and `empty` (or nothing at all when `empty` is null) when there are none.
 */
export function VideoRow({ title, query, empty, action }: { title: string; query: RowQuery; empty: ReactNode | null; action?: ReactNode }) {
  const items = query.data ?? [];
  if (!query.isPending && !query.isError && items.length === 0 && empty === null) return null;
  return (
    <section className="space-y-3" aria-label={title}>
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-lg font-semibold text-fg">{title}</h2>
        {action}
      </div>
      {query.isPending ? (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" role="status" aria-busy="true" aria-label={`Loading ${title.toLowerCase()}`}>
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} className="aspect-video w-full rounded-xl" />
          ))}
        </div>
      ) : query.isError ? (
        <LoadError title={`Could not load ${title.toLowerCase()}`} message={query.error?.message ?? ""} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-border p-6 text-sm text-muted">{empty}</div>
      ) : (
        <ul className="grid gap-x-4 gap-y-6 sm:grid-cols-2 lg:grid-cols-4">
          {items.map((item) => (
            <li key={item.video.id}>
              <VideoCard video={item.video} watched={item.watched} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
