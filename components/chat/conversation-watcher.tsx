"use client";

import { useChannelEvent, useChannelSubscribed } from "@/components/realtime/realtime-provider";
import { useToast } from "@/components/ui/toast";
import { CHAT_EVENTS, conversationChannel, type ChatMe, type ConversationSummary, type ConversationUpdate, type MessageEnvelope, type Receipt } from "./chat-types";
import { useChatCache } from "./use-chat-cache";

/**
 * Listens to one conversation of the sidebar (renders nothing): a new message
 * moves it up with its preview and unread count, is acknowledged as delivered,
 * and, when the conversation is not open, pops an in-app toast. DMs and
 * @mentions already raise a platform notification (and its toast), so the
 * toast here is for group messages only. Once its channel is confirmed it
 * calls `catchUp`: the list was read before, so it may lack messages sent in between.
 */
export function ConversationWatcher({
  conversation,
  me,
  isOpen,
  ackDelivered,
  catchUp,
}: {
  conversation: ConversationSummary;
  me: ChatMe;
  isOpen: boolean;
  ackDelivered: (conversationId: string, seq: number) => void;
  catchUp: () => void;
}) {
  const cache = useChatCache();
  const toast = useToast();
  const channel = conversationChannel(conversation.id);

  useChannelEvent<MessageEnvelope>(channel, CHAT_EVENTS.message, (envelope) => {
    const mine = envelope.senderId === me.id;
    cache.patchConversation(conversation.id, (item) => {
      if (envelope.seq <= (item.lastMessage?.seq ?? 0)) return item;
      const lastSeq = Math.max(item.lastSeq, envelope.seq);
      const lastReadSeq = mine ? Math.max(item.lastReadSeq, envelope.seq) : item.lastReadSeq;
      return {
        ...item,
        lastSeq,
        lastReadSeq,
        unreadCount: Math.max(0, lastSeq - lastReadSeq),
        lastActivityAt: new Date(envelope.createdAt),
        lastMessage: {
          id: envelope.id,
          seq: envelope.seq,
          senderId: envelope.senderId,
          senderName: envelope.senderName,
          preview: envelope.preview.slice(0, 200),
          deleted: false,
          attachmentCount: envelope.attachmentCount,
          createdAt: new Date(envelope.createdAt),
        },
      };
    });
    if (mine) return;
    ackDelivered(conversation.id, envelope.seq);
    const mentionsMe = me.username !== null && envelope.preview.includes(`@${me.username}`);
    if (!isOpen && conversation.kind === "group" && !conversation.muted && !mentionsMe) {
      toast.show({ tone: "info", title: `${envelope.senderName} in ${conversation.name}`, description: envelope.preview.slice(0, 140) || "Sent an attachment" });
    }
  });

  useChannelEvent<Receipt>(channel, CHAT_EVENTS.receipt, (receipt) => {
    cache.applyReceipt(receipt);
    if (receipt.userId === me.id) {
      cache.patchConversation(conversation.id, (item) => {
        const lastReadSeq = Math.max(item.lastReadSeq, receipt.lastReadSeq);
        return { ...item, lastReadSeq, unreadCount: Math.max(0, item.lastSeq - lastReadSeq) };
      });
    }
  });

  useChannelEvent<ConversationUpdate>(channel, CHAT_EVENTS.conversationUpdated, () => {
    void cache.invalidateList();
    void cache.invalidateConversation(conversation.id);
  });

  // After the listeners above (hooks bind in order): from here on a message reaches them or the catch-up fetch.
  useChannelSubscribed(channel, catchUp);

  return null;
}
