"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Avatar } from "@/components/ui/avatar";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { LoadMore } from "@/components/ui/load-more";
import { Skeleton } from "@/components/ui/skeleton";
import { compactCount, profileHref } from "./feed-format";

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
  const pages = useInfiniteQuery(trpc.feed.people.follows.infiniteQueryOptions({ userId, direction, limit: 30 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  if (pages.isPending) return <Skeleton className="h-40 w-full" />;
  if (pages.isError) return <LoadError title="Could not load the list" message={pages.error.message} onRetry={() => void pages.refetch()} />;
  const people = pages.data.pages.flatMap((page) => page.people);
  if (people.length === 0) {
    return <EmptyState title={direction === "followers" ? `No one follows ${name} yet` : `${name} follows no one yet`} />;
  }
  return (
    <div className="space-y-4">
      <Card className="divide-y divide-border">
        {people.map((person) => (
          <Link key={person.id} href={profileHref(person.username, person.id)} className="flex items-center gap-3 px-4 py-3 hover:bg-surface-2">
            <Avatar name={person.name} image={person.image} />
            <span className="min-w-0 flex-1">
              <span className="block truncate font-semibold text-fg">{person.name}</span>
              <span className="block truncate text-sm text-muted">
                {person.username ? `@${person.username} · ` : null}
                {compactCount(person.followerCount)} followers
              </span>
              {person.bio ? <span className="block truncate text-sm text-fg">{person.bio}</span> : null}
            </span>
          </Link>
        ))}
      </Card>
      <LoadMore pages={pages} items="people" />
    </div>
  );
}
