"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Spinner } from "@/components/ui/spinner";
import { formatListStamp } from "./chat-time";

/** chat.search results; each links to its message in context (history `around` it, highlighted). */
export function MessageSearchResults({ query }: { query: string }) {
  const trpc = useTRPC();
  const search = useQuery(trpc.chat.search.queryOptions({ query, limit: 20 }));
  if (search.isPending) return <Spinner label="Searching messages…" className="px-3 py-4" />;
  if (search.isError) return <p className="px-3 py-4 text-sm text-danger">Search failed. Please try again.</p>;
  if (search.data.results.length === 0) return <p className="px-3 py-4 text-sm text-muted">No messages match “{query}”.</p>;
  return (
    <ul aria-label="Search results" className="space-y-1 p-2">
      {search.data.results.map((result) => (
        <li key={result.messageId}>
          <Link href={`/chat/${result.conversationId}?seq=${result.seq}`} className="block rounded-lg px-3 py-2 hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-ring">
            <span className="flex items-baseline justify-between gap-2 text-xs text-muted">
              <span className="truncate">
                {result.senderName}
                {result.conversationName ? ` in ${result.conversationName}` : ""}
              </span>
              <span className="shrink-0">{formatListStamp(result.createdAt)}</span>
            </span>
            <span className="mt-0.5 line-clamp-2 text-sm text-fg">
              {result.snippet.map((part, index) =>
                part.match ? (
                  <mark key={index} className="rounded bg-warning-soft px-0.5 text-fg">
                    {part.text}
                  </mark>
                ) : (
                  <span key={index}>{part.text}</span>
                ),
              )}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
