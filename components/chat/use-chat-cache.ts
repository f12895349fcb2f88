"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/components/trpc/client";
import type { ConversationDetail, ConversationSummary, Receipt } from "./chat-types";

/** The sidebar asks for one page of this size; every cache patch targets that same query. */
export const CONVERSATION_LIST_INPUT = { limit: 50 } as const;

/**
 * Small, named edits to the cached sidebar and conversation details, so live
 * events update what is on screen without refetching.
 */
export function useChatCache() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMemo(() => {
    const listKey = trpc.chat.list.queryKey(CONVERSATION_LIST_INPUT);
    return {
      listKey,
      patchConversation(conversationId: string, change: (conversation: ConversationSummary) => ConversationSummary) {
        queryClient.setQueryData(listKey, (data) => {
          if (!data) return data;
          const items = data.items.map((item) => (item.id === conversationId ? change(item) : item));
          items.sort((a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime());
          return { ...data, items };
        });
      },
      /** What the sidebar knows of my reading of a conversation, or null before the list has loaded. */
      readStateOf(conversationId: string): { lastReadSeq: number; lastSeq: number } | null {
        const item = queryClient.getQueryData(listKey)?.items.find((conversation) => conversation.id === conversationId);
        return item ? { lastReadSeq: item.lastReadSeq, lastSeq: item.lastSeq } : null;
      },
      applyReceipt(receipt: Receipt) {
        queryClient.setQueryData(trpc.chat.get.queryKey({ conversationId: receipt.conversationId }), (detail: ConversationDetail | undefined) => {
          if (!detail) return detail;
          return {
            ...detail,
            members: detail.members.map((member) =>
              member.user.id === receipt.userId
                ? {
                    ...member,
                    lastDeliveredSeq: Math.max(member.lastDeliveredSeq, receipt.lastDeliveredSeq),
                    lastReadSeq: Math.max(member.lastReadSeq, receipt.lastReadSeq),
                  }
                : member,
            ),
          };
        });
      },
      invalidateList: () => queryClient.invalidateQueries({ queryKey: trpc.chat.list.queryKey() }),
      invalidateConversation: (conversationId: string) => queryClient.invalidateQueries({ queryKey: trpc.chat.get.queryKey({ conversationId }) }),
    };
  }, [trpc, queryClient]);
}
