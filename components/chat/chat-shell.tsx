"use client";

import { useParams } from "next/navigation";
import { createContext, useContext, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { ChatMe } from "./chat-types";
import { ConversationSidebar } from "./conversation-sidebar";
import { ConversationWatcher } from "./conversation-watcher";
import { describeError } from "./send-errors";
import { useChatHeartbeat } from "./use-chat-heartbeat";
import { useChatInbox } from "./use-chat-inbox";
import { useConversationPresence, type PresenceOf } from "./use-conversation-presence";
import { useDeliveryAcks } from "./use-delivery-acks";
import { useLastSeen } from "./use-last-seen";

/** `statusOf` is the one source of presence for every view; `hereCount`: people on the open conversation now. */
type ChatContextValue = { me: ChatMe; statusOf: PresenceOf; hereCount: number };
const ChatContext = createContext<ChatContextValue | null>(null);

/** The signed-in person and the presence of everyone in my DMs, for the conversation view. */
export function useChatContext(): ChatContextValue {
  const value = useContext(ChatContext);
  if (!value) throw new Error("useChatContext must be used inside <ChatShell>");
  return value;
}

/**
 * The /chat frame: the sidebar beside the open conversation on wide screens;
 * on phones one or the other (the list at /chat, the conversation below it).
 */
export function ChatShell({ me, children }: { me: ChatMe; children: ReactNode }) {
  const params = useParams<{ conversationId?: string }>();
  const openId = params.conversationId ?? null;
  const ackDelivered = useDeliveryAcks();
  const { list, items, catchUp } = useChatInbox({ me, openId, ackDelivered });
  const lastSeen = useLastSeen(items.flatMap((item) => (item.otherMember ? [item.otherMember.id] : [])));
  const presence = useConversationPresence(openId, lastSeen.byId, lastSeen.refetch);
  useChatHeartbeat();

  return (
    <ChatContext.Provider value={{ me, statusOf: presence.statusOf, hereCount: presence.hereCount }}>
      {items.map((conversation) => (
        <ConversationWatcher key={conversation.id} conversation={conversation} me={me} isOpen={conversation.id === openId} ackDelivered={ackDelivered} catchUp={catchUp} />
      ))}
      <div className="mx-auto flex h-[calc(100dvh-4rem)] w-full max-w-6xl sm:px-6 sm:py-4">
        <div className="flex min-h-0 w-full overflow-hidden border-border bg-surface sm:rounded-xl sm:border sm:shadow-sm">
          <aside aria-label="Conversations list" className={cn("min-h-0 w-full border-border md:flex md:w-80 md:shrink-0 md:border-r", openId ? "hidden" : "flex")}>
            <div className="min-h-0 w-full">
              <ConversationSidebar
                me={me}
                items={items}
                loading={list.isPending}
                error={list.isError && !list.data ? describeError(list.error) : null}
                onRetry={() => void list.refetch()}
                openId={openId}
                statusOf={presence.statusOf}
              />
            </div>
          </aside>
          <section className={cn("min-h-0 min-w-0 flex-1 flex-col", openId ? "flex" : "hidden md:flex")}>{children}</section>
        </div>
      </div>
    </ChatContext.Provider>
  );
}
