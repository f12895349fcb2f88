import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { Card } from "@/components/ui/card";
import type { PersonResult } from "@/server/feed/explore/search-people";
import { compactCount, profileHref } from "./feed-format";

/** People as links to their profiles: name, @username, followers, bio (search results, followers lists). */
export function PersonList({ people }: { people: readonly PersonResult[] }) {
  return (
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
  );
}
