"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { LoadMore } from "@/components/ui/load-more";
import { Skeleton } from "@/components/ui/skeleton";
import { profileHref } from "./feed-format";
import { PersonList } from "./person-list";

export type FollowDirection = "followers" | "following";

/** /feed/u/[username]/followers and /following: the people, newest follow first, with "Load more". */
export function FollowList({ username, direction }: { username: string; direction: FollowDirection }) {
  const trpc = useTRPC();
  const profile = useQuery(trpc.feed.people.profile.queryOptions({ username }));
  if (profile.isPending) return <Skeleton className="h-40 w-full" />;
  if (profile.isError) return <LoadError title="Could not load this profile" message={profile.error.message} onRetry={() => void profile.refetch()} />;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={profileHref(profile.data.username, profile.data.id)} className="text-accent-text hover:underline">
          ← {profile.data.name}
        </Link>
      </p>
      <People userId={profile.data.id} direction={direction} name={profile.data.name} />
    </div>
  );
}

function People({ userId, direction, name }: { userId: string; direction: FollowDirection; name: string }) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(trpc.feed.people.follows.infiniteQueryOptions({ userId, list: direction, limit: 30 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  if (pages.isPending) return <Skeleton className="h-40 w-full" />;
  if (pages.isError) return <LoadError title="Could not load the list" message={pages.error.message} onRetry={() => void pages.refetch()} />;
  const people = pages.data.pages.flatMap((page) => page.people);
  if (people.length === 0) {
    return <EmptyState title={direction === "followers" ? `No one follows ${name} yet` : `${name} follows no one yet`} />;
  }
  return (
    <div className="space-y-4">
      <PersonList people={people} />
      <LoadMore pages={pages} items="people" />
    </div>
  );
}
