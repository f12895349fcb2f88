"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { LoadError } from "@/components/ui/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import { PagedPostList } from "./paged-post-list";
import { PersonList } from "./person-list";
import { TrendingTags } from "./trending-tags";
import { WhoToFollow } from "./who-to-follow";

export type ExploreTab = "posts" | "people";

/**
 * /feed/explore: a search box (the query lives in the URL, so results can be
 * shared and survive a reload), post or people results, and beside them
 * trending hashtags and who to follow.
 */
export function ExploreView({ q, tab, viewerId }: { q: string; tab: ExploreTab; viewerId: string | null }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 space-y-4">
        <SearchForm q={q} tab={tab} />
        {q ? <Results q={q} tab={tab} viewerId={viewerId} /> : <EmptyState title="Search Feed" description="Find posts by their words or #hashtags, and people by name or @username." />}
      </div>
      <aside className="space-y-4" aria-label="Discover">
        <TrendingTags />
        <WhoToFollow viewerId={viewerId} />
      </aside>
    </div>
  );
}

function SearchForm({ q, tab }: { q: string; tab: ExploreTab }) {
  const router = useRouter();
  const pathname = usePathname();
  const [value, setValue] = useState(q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = value.trim();
    router.push(query ? `${pathname}?${new URLSearchParams({ q: query, tab })}` : pathname);
  };
  return (
    <form role="search" onSubmit={submit} className="flex gap-2">
      <label htmlFor="feed-search" className="sr-only">
        Search Feed
      </label>
      <Input id="feed-search" type="search" value={value} maxLength={200} placeholder="Search posts, #tags or people" onChange={(event) => setValue(event.target.value)} />
      <Button type="submit">Search</Button>
    </form>
  );
}

function Results({ q, tab, viewerId }: { q: string; tab: ExploreTab; viewerId: string | null }) {
  const pathname = usePathname();
  return (
    <>
      <nav aria-label="Result type" className="flex gap-1 border-b border-border">
        {(["posts", "people"] as const).map((name) => (
          <Link
            key={name}
            href={`${pathname}?${new URLSearchParams({ q, tab: name })}`}
            aria-current={tab === name ? "page" : undefined}
            className={cn("-mb-px border-b-2 px-4 py-2 text-sm font-medium capitalize", tab === name ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg")}
          >
            {name}
          </Link>
        ))}
      </nav>
      {tab === "posts" ? <PostResults q={q} viewerId={viewerId} /> : <PeopleResults q={q} />}
    </>
  );
}

function PostResults({ q, viewerId }: { q: string; viewerId: string | null }) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(trpc.feed.explore.posts.infiniteQueryOptions({ q, limit: 20 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  return <PagedPostList pages={pages} viewerId={viewerId} emptyTitle="No posts match" emptyDescription="Try other words, or fewer of them." />;
}

function PeopleResults({ q }: { q: string }) {
  const trpc = useTRPC();
  const people = useQuery(trpc.feed.explore.people.queryOptions({ q }));
  if (people.isPending) return <Skeleton className="h-40 w-full" />;
  if (people.isError) return <LoadError title="Could not search people" message={people.error.message} onRetry={() => void people.refetch()} />;
  if (people.data.length === 0) return <EmptyState title="No one matches" description="Search by display name or @username." />;
  return (
    <PersonList people={people.data} />
  );
}
