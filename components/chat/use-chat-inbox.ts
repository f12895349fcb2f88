"use client";

import { replaceEqualDeep, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { useChannelEvent, useRealtimeReconnect } from "@/components/realtime/realtime-provider";
import { useTRPC } from "@/components/trpc/client";
import { useToast } from "@/components/ui/toast";
import { CHAT_EVENTS, userChannelOf, type ChatMe } from "./chat-types";
import { mergeConversationList, type ConversationList } from "./conversation-list-merge";
import { CONVERSATION_LIST_INPUT, useChatCache } from "./use-chat-cache";

/** How long a burst of channel confirmations (every conversation's, as the list loads) is gathered into one refetch. */
const CATCH_UP_GATHER_MS = 100;

/**
 * My conversations for the sidebar, kept live: conversations I am added to or
 * removed from arrive on my user channel, a reconnect refetches, messages
 * shown as previews count as delivered, and the document title carries the
 * unread total.
 *
 * Every write to the list goes through mergeConversationList, so a fetch that
 * answers after a live update cannot put older message state back; and
 * `catchUp`, called when a conversation's channel is confirmed, refetches once
 * for what was sent between the list's read and that confirmation.
 */
export function useChatInbox({ me, openId, ackDelivered }: { me: ChatMe; openId: string | null; ackDelivered: (conversationId: string, seq: number) => void }) {
  const trpc = useTRPC();
  const cache = useChatCache();
  const toast = useToast();
  const router = useRouter();
  const list = useQuery(
    trpc.chat.list.queryOptions(CONVERSATION_LIST_INPUT, {
      // React Query types both sides as unknown; they are this query's data. replaceEqualDeep keeps its default sharing.
      structuralSharing: (previous, next) => replaceEqualDeep(previous, mergeConversationList(previous as ConversationList | undefined, next as ConversationList)),
    }),
  );
  const items = list.data?.items;

  useChannelEvent(userChannelOf(me.id), CHAT_EVENTS.conversationAdded, () => void cache.invalidateList());
  useChannelEvent<{ conversationId: string }>(userChannelOf(me.id), CHAT_EVENTS.removed, ({ conversationId }) => {
    void cache.invalidateList();
    if (conversationId === openId) {
      toast.show({ tone: "info", title: "You were removed from this conversation" });
      router.push("/chat");
    }
  });
  useRealtimeReconnect(() => void cache.invalidateList());

  // A message sent after the list was read but before its conversation's channel was confirmed reached neither.
  // A refetch started after the confirmation has it; one per burst, since all channels confirm as the list loads.
  const catchUpTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(catchUpTimer.current), []);
  const catchUp = useCallback(() => {
    if (catchUpTimer.current !== undefined) return;
    catchUpTimer.current = setTimeout(() => {
      catchUpTimer.current = undefined;
      void cache.invalidateList();
    }, CATCH_UP_GATHER_MS);
  }, [cache]);

  // Whatever the list shows has reached this device.
  const acked = useRef(new Map<string, number>());
  useEffect(() => {
    for (const item of items ?? []) {
      if (item.lastSeq > item.lastDeliveredSeq && (acked.current.get(item.id) ?? 0) < item.lastSeq) {
        acked.current.set(item.id, item.lastSeq);
        ackDelivered(item.id, item.lastSeq);
      }
    }
  }, [items, ackDelivered]);

  const unreadTotal = (items ?? []).reduce((sum, item) => sum + (item.muted ? 0 : item.unreadCount), 0);
  useEffect(() => {
    const title = unreadTotal > 0 ? `(${unreadTotal}) Chat · Casebook` : "Chat · Casebook";
    document.title = title;
    // Next sets the title from metadata after client navigations: put ours back.
    const observer = new MutationObserver(() => {
      if (document.title !== title) document.title = title;
    });
    const head = document.querySelector("title");
    if (head) observer.observe(head, { childList: true });
    return () => observer.disconnect();
  }, [unreadTotal, openId]);

  return { list, items: items ?? [], unreadTotal, catchUp };
}
