import type { inferRouterOutputs } from "@trpc/server";
import { CHAT_CLIENT_EVENTS, CHAT_USER_EVENTS, CHAT_EVENTS as SERVER_CHAT_EVENTS } from "@/server/chat/chat-channels";
import type { AppRouter } from "@/server/trpc/root";

/** The Chat API's shapes as the browser receives them (superjson keeps Dates as Dates). */
type ChatOutputs = inferRouterOutputs<AppRouter>["chat"];

export type ConversationSummary = ChatOutputs["list"]["items"][number];
export type ConversationDetail = ChatOutputs["get"];
export type ConversationMember = ConversationDetail["members"][number];
export type MessageView = ChatOutputs["history"]["messages"][number];
export type ChatAttachment = MessageView["attachments"][number];
export type ChatUser = MessageView["sender"];
export type MessageSearchResult = ChatOutputs["search"]["results"][number];
export type PresenceInfo = ChatOutputs["lastSeen"][number];
export type ThreadView = ChatOutputs["thread"];
export type ThreadReplyView = ThreadView["replies"][number];

export type { MessageEnvelope } from "@/server/chat/chat-views";
export type { MessageEditedEvent } from "@/server/chat/messages/edit-message";
export type { MessageDeletedEvent } from "@/server/chat/messages/delete-message";
export type { ReactionEvent } from "@/server/chat/messages/toggle-reaction";
export type { MessagePinnedEvent } from "@/server/chat/messages/set-pinned";
export type { ThreadReplyEvent } from "@/server/chat/threads/thread-views";
export type { MessageLinkPreviewEvent, ThreadReplyLinkPreviewEvent } from "@/server/chat/link-previews/attach-link-preview";
export type { Receipt } from "@/server/chat/receipts/receipts";
export type { ConversationUpdate } from "@/server/chat/conversations/conversation-update";

/** Channel and event names: the server's own constants (pure modules), so the two sides cannot drift apart. */
export { conversationChannel, conversationPresenceChannel } from "@/server/chat/chat-channels";
export { userChannel as userChannelOf } from "@/server/platform/realtime-channels";

export const CHAT_EVENTS = { ...SERVER_CHAT_EVENTS, ...CHAT_CLIENT_EVENTS, ...CHAT_USER_EVENTS } as const;

/** What a "client-typing" event carries; `typing: false` when the sender sent or cleared their draft. */
export type TypingEvent = { userId: string; name: string; typing: boolean };

/** The signed-in person, handed down from the server layout. */
export type ChatMe = { id: string; name: string; username: string | null; image: string | null };

/** A message of mine not yet confirmed by the server. */
export type OutgoingMessage = {
  clientId: string;
  conversationId: string;
  body: string;
  replyTo: MessageView["replyTo"];
  attachments: ChatAttachment[];
  createdAt: Date;
  /** queued: waiting for a connection; sending: request in flight; failed: refused by the server (see error). */
  state: "queued" | "sending" | "failed";
  error?: string;
};
