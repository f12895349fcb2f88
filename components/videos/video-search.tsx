"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useId } from "react";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { LoadMore } from "@/components/ui/load-more";
import { Skeleton } from "@/components/ui/skeleton";
import { DURATION_FILTERS, SEARCH_SORTS, UPLOAD_FILTERS, type DurationFilter, type SearchSort, type UploadFilter } from "@/server/videos/search/search-options";
import { VideoCard } from "./video-card";

export type SearchParams = { q: string; duration: DurationFilter; uploaded: UploadFilter; sort: SearchSort };

/** /videos/search: results for `q` with length and upload-date filters and a sort, all kept in the address (shareable, back button). */
export function VideoSearch({ params }: { params: SearchParams }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const pages = useInfiniteQuery({
    ...trpc.videos.search.infiniteQueryOptions({ ...params, limit: 24 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    enabled: params.q.trim().length > 0,
  });
  const change = (next: Partial<SearchParams>) => router.replace(`${pathname}?${new URLSearchParams({ ...params, ...next }).toString()}`);
  const select = <T extends string>(label: string, name: keyof SearchParams, value: T, options: Record<T, string>) => (
    <label htmlFor={`${id}-${name}`} className="flex items-center gap-2 text-sm text-muted">
      {label}
      <select id={`${id}-${name}`} value={value} onChange={(event) => change({ [name]: event.target.value })} className="rounded-md border border-border bg-surface px-2 py-1 text-fg">
        {(Object.entries(options) as Array<[T, string]>).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );

  const videos = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap gap-4" role="group" aria-label="Filters">
        {select("Length", "duration", params.duration, DURATION_FILTERS)}
        {select("Uploaded", "uploaded", params.uploaded, UPLOAD_FILTERS)}
        {select("Sort by", "sort", params.sort, SEARCH_SORTS)}
      </div>
      {!params.q.trim() ? (
        <EmptyState title="Search videos" description="Type words from a title, a tag or a description above." />
      ) : pages.isPending ? (
        <div className="grid gap-x-4 gap-y-8 sm:grid-cols-2 lg:grid-cols-3" aria-busy="true" aria-label="Searching">
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} className="aspect-video w-full rounded-xl" />
          ))}
        </div>
      ) : pages.isError ? (
        <LoadError title="Could not search" message={pages.error.message} onRetry={() => void pages.refetch()} />
      ) : videos.length === 0 ? (
        <EmptyState title="No videos found" description="Try other words, or loosen the filters." />
      ) : (
        <>
          <ul className="grid gap-x-4 gap-y-8 sm:grid-cols-2 lg:grid-cols-3" aria-label="Search results">
            {videos.map((video) => (
              <li key={video.id}>
                <VideoCard video={video} />
              </li>
            ))}
          </ul>
          <LoadMore pages={pages} items="results" />
        </>
      )}
    </div>
  );
}
