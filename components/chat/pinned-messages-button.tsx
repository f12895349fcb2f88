"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";
import { useChannelEvent } from "@/components/realtime/realtime-provider";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Popover } from "@/components/ui/popover";
import { Spinner } from "@/components/ui/spinner";
import { formatListStamp } from "./chat-time";
import { CHAT_EVENTS, conversationChannel, type ChatMe } from "./chat-types";

/**
 * "Pinned" in the conversation header: the pinned messages, newest pin first,
 * each a link that opens the conversation at that message. Kept live by the
 * conversation's pin and delete events.
 */
export function PinnedMessagesButton({ conversationId, me }: { conversationId: string; me: ChatMe }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pinned = useQuery(trpc.chat.pinned.queryOptions({ conversationId }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.chat.pinned.queryKey({ conversationId }) });
  useChannelEvent(conversationChannel(conversationId), CHAT_EVENTS.messagePinned, refresh);
  useChannelEvent(conversationChannel(conversationId), CHAT_EVENTS.messageDeleted, refresh);
  const count = pinned.data?.length ?? 0;

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex items-center gap-1 rounded-lg p-2 text-sm text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-ring"
      >
        <span aria-hidden="true">📌</span>
        <span className="sr-only">Pinned messages</span>
        {count > 0 ? <span className="tabular-nums">{count}</span> : null}
      </button>
      <Popover anchor={button} open={open} onClose={() => setOpen(false)} label="Pinned messages">
        <div className="w-80 max-w-full p-2">
          <h3 className="px-2 py-1 text-sm font-semibold text-fg">Pinned messages</h3>
          {pinned.isPending ? (
            <Spinner label="Loading pinned messages…" className="p-3" />
          ) : pinned.isError ? (
            <div className="space-y-2 p-2 text-sm">
              <p className="text-danger">Could not load the pinned messages.</p>
              <Button size="sm" variant="secondary" onClick={() => void pinned.refetch()}>
                Try again
              </Button>
            </div>
          ) : pinned.data.length === 0 ? (
            <p className="p-2 text-sm text-muted">No pinned messages yet. Pin one from its ⋯ menu.</p>
          ) : (
            <ul aria-label="Pinned messages" className="max-h-80 space-y-1 overflow-y-auto">
              {pinned.data.map((message) => (
                <li key={message.id}>
                  <Link
                    href={`/chat/${conversationId}?seq=${message.seq}`}
                    onClick={() => setOpen(false)}
                    className="block rounded-lg px-2 py-1.5 text-sm hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-ring"
                  >
                    <span className="flex justify-between gap-2 text-xs text-muted">
                      <span className="truncate font-medium">{message.senderId === me.id ? "You" : message.senderName}</span>
                      <span className="shrink-0">{formatListStamp(message.pinnedAt)}</span>
                    </span>
                    <span className="line-clamp-2 text-fg">{message.preview || (message.attachmentCount > 0 ? "📎 an attachment" : "")}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      </Popover>
    </>
  );
}
