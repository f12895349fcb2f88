"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import type { ChatMe, ConversationSummary } from "./chat-types";
import type { PresenceOf } from "./use-conversation-presence";
import { ConversationListItem } from "./conversation-list-item";
import { MessageSearchFilters, NO_FILTERS } from "./message-search-filters";
import { MessageSearchResults } from "./message-search-results";
import { NewGroupDialog } from "./new-group-dialog";
import { NewMessageDialog } from "./new-message-dialog";
import { useDebounced } from "./use-debounced";

/** The left column: actions, message search, and my conversations (or the search results). */
export function ConversationSidebar({
  me,
  items,
  loading,
  error,
  onRetry,
  openId,
  statusOf,
}: {
  me: ChatMe;
  items: ConversationSummary[];
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  openId: string | null;
  statusOf: PresenceOf;
}) {
  const [dialog, setDialog] = useState<"message" | "group" | null>(null);
  const [query, setQuery] = useState("");
  const debounced = useDebounced(query.trim(), 300);
  const [filters, setFilters] = useState(NO_FILTERS);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="space-y-3 border-b border-border p-3">
        <div className="flex items-center justify-between gap-2">
          <h1 className="px-1 text-lg font-semibold text-fg">Chat</h1>
          <div className="flex gap-1.5">
            <Button size="sm" variant="secondary" onClick={() => setDialog("group")}>
              New group
            </Button>
            <Button size="sm" onClick={() => setDialog("message")}>
              New message
            </Button>
          </div>
        </div>
        <Input type="search" aria-label="Search messages" placeholder="Search messages" value={query} onChange={(event) => setQuery(event.target.value)} />
        {query.trim().length > 0 ? <MessageSearchFilters me={me} conversations={items} filters={filters} onChange={setFilters} /> : null}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {debounced.length > 0 ? (
          <MessageSearchResults query={debounced} filters={filters} me={me} conversations={items} />
        ) : loading ? (
          <div role="status" aria-busy="true" aria-label="Loading conversations" className="space-y-3 p-3">
            {[0, 1, 2, 3].map((row) => (
              <div key={row} className="flex items-center gap-3">
                <Skeleton className="size-10 rounded-full" />
                <div className="flex-1 space-y-1.5">
                  <Skeleton className="h-3.5 w-1/2" />
                  <Skeleton className="h-3 w-3/4" />
                </div>
              </div>
            ))}
          </div>
        ) : error ? (
          <div className="p-3">
            <Alert title="Could not load your conversations">
              <p>{error}</p>
              <Button size="sm" variant="secondary" className="mt-2" onClick={onRetry}>
                Try again
              </Button>
            </Alert>
          </div>
        ) : items.length === 0 ? (
          <div className="p-3">
            <EmptyState
              title="No conversations yet"
              description="Start a direct message or create a group."
              action={<Button onClick={() => setDialog("message")}>New message</Button>}
            />
          </div>
        ) : (
          <nav aria-label="Conversations">
            <ul className="space-y-0.5 p-2">
              {items.map((conversation) => (
                <ConversationListItem
                  key={conversation.id}
                  conversation={conversation}
                  me={me}
                  isOpen={conversation.id === openId}
                  status={conversation.otherMember ? statusOf(conversation.otherMember.id).status : undefined}
                />
              ))}
            </ul>
          </nav>
        )}
      </div>
      <NewMessageDialog open={dialog === "message"} onClose={() => setDialog(null)} />
      <NewGroupDialog open={dialog === "group"} onClose={() => setDialog(null)} />
    </div>
  );
}
