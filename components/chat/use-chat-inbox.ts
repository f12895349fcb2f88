"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useChannelEvent, useRealtimeReconnect } from "@/components/realtime/realtime-provider";
import { useTRPC } from "@/components/trpc/client";
import { useToast } from "@/components/ui/toast";
import { CHAT_EVENTS, userChannelOf, type ChatMe } from "./chat-types";
import { CONVERSATION_LIST_INPUT, useChatCache } from "./use-chat-cache";

/**
 * My conversations for the sidebar, kept live: conversations I am added to or
 * removed from arrive on my user channel, a reconnect refetches, messages
 * shown as previews count as delivered, and the document title carries the
 * unread total.
 */
export function useChatInbox({ me, openId, ackDelivered }: { me: ChatMe; openId: string | null; ackDelivered: (conversationId: string, seq: number) => void }) {
  const trpc = useTRPC();
  const cache = useChatCache();
  const toast = useToast();
  const router = useRouter();
  const list = useQuery(trpc.chat.list.queryOptions(CONVERSATION_LIST_INPUT));
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

  return { list, items: items ?? [], unreadTotal };
}
