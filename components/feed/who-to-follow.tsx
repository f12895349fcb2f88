"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LoadError } from "@/components/ui/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import type { Suggestion } from "@/server/feed/explore/suggest-people";
import { profileHref } from "./feed-format";

/** "Who to follow": friends of friends, then popular people; following one brings the next. */
export function WhoToFollow({ viewerId }: { viewerId: string | null }) {
  const trpc = useTRPC();
  const suggestions = useQuery(trpc.feed.explore.suggestions.queryOptions());
  return (
    <Card className="p-4">
      <h2 className="mb-2 font-semibold text-fg">Who to follow</h2>
      {suggestions.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : suggestions.isError ? (
        <LoadError title="Could not load suggestions" message={suggestions.error.message} onRetry={() => void suggestions.refetch()} />
      ) : suggestions.data.length === 0 ? (
        <p className="text-sm text-muted">No suggestions right now.</p>
      ) : (
        <ul className="space-y-3">
          {suggestions.data.map((person) => (
            <li key={person.id}>
              <SuggestedPerson person={person} signedIn={viewerId !== null} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function SuggestedPerson({ person, signedIn }: { person: Suggestion; signedIn: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const follow = useMutation(
    trpc.feed.people.follow.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.feed.pathKey() }),
      onError: (error) => toast.show({ tone: "error", title: "Could not follow", description: error.message }),
    }),
  );
  return (
    <div className="flex items-center gap-2">
      <Link href={profileHref(person.username, person.id)} className="flex min-w-0 flex-1 items-center gap-2 hover:underline">
        <Avatar name={person.name} image={person.image} size="sm" />
        <span className="min-w-0">
          <span className="block truncate text-sm font-semibold text-fg">{person.name}</span>
          <span className="block truncate text-xs text-muted">
            {person.mutuals > 0 ? `Followed by ${person.mutuals} you follow` : person.username ? `@${person.username}` : "Popular"}
          </span>
        </span>
      </Link>
      {signedIn ? (
        <Button size="sm" loading={follow.isPending} onClick={() => follow.mutate({ userId: person.id })} aria-label={`Follow ${person.name}`}>
          Follow
        </Button>
      ) : null}
    </div>
  );
}
