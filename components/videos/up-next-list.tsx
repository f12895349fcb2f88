"use client";

import Link from "next/link";
import { LoadError } from "@/components/ui/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import type { VideoView } from "@/server/videos/video-view";
import { formatCount, formatDuration } from "./video-format";

type UpNextQuery = { isPending: boolean; isError: boolean; error: { message: string } | null; data: VideoView[] | undefined; refetch: () => unknown };

/** The watch page's "Up next" column: small posters with title, channel and views; the first plays when this video ends. */
export function UpNextList({ query }: { query: UpNextQuery }) {
  return (
    <section aria-label="Up next" className="space-y-3">
      <h2 className="text-lg font-semibold text-fg">Up next</h2>
      {query.isPending ? (
        <div className="space-y-3" role="status" aria-busy="true" aria-label="Loading up next">
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} className="h-20 w-full rounded-lg" />
          ))}
        </div>
      ) : query.isError ? (
        <LoadError title="Could not load what plays next" message={query.error?.message} onRetry={() => void query.refetch()} />
      ) : (query.data ?? []).length === 0 ? (
        <p className="rounded-xl border border-dashed border-border p-4 text-sm text-muted">Nothing else to watch yet.</p>
      ) : (
        <ol className="space-y-3">
          {(query.data ?? []).map((video) => (
            <li key={video.id}>
              <Link href={`/videos/${video.id}`} className="group flex gap-3 rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent">
                <div className="relative aspect-video w-36 shrink-0 overflow-hidden rounded-lg bg-surface-2">
                  {video.posterUrl ? (
                    // eslint-disable-next-line @next/next/no-img-element -- served by our own file route with its caching; next/image would re-encode it
                    <img src={video.posterUrl} alt="" loading="lazy" className="size-full object-cover" />
                  ) : null}
                  {video.durationSeconds ? <span className="absolute right-1 bottom-1 rounded bg-black/80 px-1 text-xs text-white tabular-nums">{formatDuration(video.durationSeconds)}</span> : null}
                </div>
                <div className="min-w-0 space-y-0.5">
                  <h3 className="line-clamp-2 text-sm font-semibold text-fg group-hover:text-accent-text">{video.title}</h3>
                  <p className="truncate text-xs text-muted">{video.owner.name}</p>
                  <p className="text-xs text-muted">{formatCount(video.viewCount, "view")}</p>
                </div>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
