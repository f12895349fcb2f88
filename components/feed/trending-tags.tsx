"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Card } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import { compactCount } from "./feed-format";

/** The hashtags most people used in the last 24 hours (server/feed/explore/list-trending-tags.ts). */
export function TrendingTags() {
  const trpc = useTRPC();
  const trending = useQuery(trpc.feed.explore.trending.queryOptions());
  return (
    <Card className="p-4">
      <h2 className="mb-2 font-semibold text-fg">Trending today</h2>
      {trending.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : trending.isError ? (
        <LoadError title="Could not load trends" message={trending.error.message} onRetry={() => void trending.refetch()} />
      ) : trending.data.length === 0 ? (
        <p className="text-sm text-muted">Nothing is trending yet: a tag trends once several people use it.</p>
      ) : (
        <ol className="space-y-2">
          {trending.data.map((entry) => (
            <li key={entry.tag}>
              <Link href={`/feed/tag/${encodeURIComponent(entry.tag)}`} className="block rounded-lg px-2 py-1 hover:bg-surface-2">
                <span className="block font-medium text-accent-text">#{entry.tag}</span>
                <span className="block text-xs text-muted">
                  {compactCount(entry.authors)} people · {compactCount(entry.posts)} posts
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
