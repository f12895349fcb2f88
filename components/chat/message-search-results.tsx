"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Spinner } from "@/components/ui/spinner";
import { formatListStamp } from "./chat-time";
import type { ChatMe, ConversationSummary } from "./chat-types";
import type { SearchFilters } from "./message-search-filters";

/**
 * chat.search results; each links to its message in context (history `around`
 * it, highlighted) and says where it is (the group, or the person of a DM, as
 * the sidebar names them), who wrote it ("You" for mine) and the words around
 * the hit.
 */
export function MessageSearchResults({
  query,
  filters,
  me,
  conversations,
}: {
  query: string;
  filters: SearchFilters;
  me: ChatMe;
  conversations: ConversationSummary[];
}) {
  const trpc = useTRPC();
  const search = useQuery(
    trpc.chat.search.queryOptions({ query, limit: 20, senderId: filters.senderId ?? undefined, conversationId: filters.conversationId ?? undefined }),
  );
  if (search.isPending) return <Spinner label="Searching messages…" className="px-3 py-4" />;
  if (search.isError) return <p className="px-3 py-4 text-sm text-danger">Search failed. Please try again.</p>;
  if (search.data.results.length === 0) return <p className="px-3 py-4 text-sm text-muted">No messages match “{query}”.</p>;
  return (
    <ul aria-label="Search results" className="space-y-1 p-2">
      {search.data.results.map((result) => {
        const where = result.conversationName ?? conversations.find((conversation) => conversation.id === result.conversationId)?.name ?? "Direct message";
        const who = result.senderId === me.id ? "You" : result.senderName;
        return (
        <li key={result.messageId}>
          <Link href={`/chat/${result.conversationId}?seq=${result.seq}`} className="block rounded-lg px-3 py-2 hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-ring">
            <span className="flex items-baseline justify-between gap-2">
              <span className="truncate text-sm font-medium text-fg" data-testid="search-result-conversation">
                {where}
              </span>
              <span className="shrink-0 text-xs text-muted">{formatListStamp(result.createdAt)}</span>
            </span>
            <span className="mt-0.5 line-clamp-2 text-sm text-fg" data-testid="search-result-snippet">
              <span className="text-muted">{who}: </span>
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
        );
      })}
    </ul>
  );
}
