"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Avatar } from "@/components/ui/avatar";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { ChatUser } from "./chat-types";
import { useDebounced } from "./use-debounced";

/** A "Search people" box and its results; `renderAction` gives each person's button. */
export function PeopleSearch({ renderAction }: { renderAction: (person: ChatUser) => React.ReactNode }) {
  const trpc = useTRPC();
  const inputId = useId();
  const [query, setQuery] = useState("");
  const debounced = useDebounced(query.trim());
  const people = useQuery(trpc.chat.searchPeople.queryOptions({ query: debounced, limit: 8 }, { enabled: debounced.length > 0 }));

  return (
    <div className="space-y-2">
      <label htmlFor={inputId} className="block text-sm font-medium text-fg">
        Search people
      </label>
      <Input id={inputId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Name or @username" autoComplete="off" />
      <div aria-live="polite" className="min-h-8">
        {debounced.length === 0 ? null : people.isPending ? (
          <Spinner label="Searching…" />
        ) : people.isError ? (
          <p className="text-sm text-danger">Could not search people. Please try again.</p>
        ) : people.data.length === 0 ? (
          <p className="text-sm text-muted">Nobody matches “{debounced}”.</p>
        ) : (
          <ul aria-label="People" className="max-h-64 divide-y divide-border overflow-y-auto">
            {people.data.map((person) => (
              <li key={person.id} className="flex items-center gap-3 py-2">
                <Avatar name={person.name} image={person.image} size="sm" />
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium text-fg">{person.name}</span>
                  {person.username ? <span className="block truncate text-xs text-muted">@{person.username}</span> : null}
                </span>
                {renderAction(person)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
