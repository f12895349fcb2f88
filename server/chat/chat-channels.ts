/**
 * Chat's realtime channel and event names, in one place so the publishers,
 * the channel-access rules (chat-channel-rules.ts) and the browser cannot
 * drift apart. Pure constants: the browser imports them too.
 */
export const CONVERSATION_CHANNEL_PREFIX = "private-chat-";
export const CONVERSATION_PRESENCE_PREFIX = "presence-chat-";

export function conversationChannel(conversationId: string): string {
  return `${CONVERSATION_CHANNEL_PREFIX}${conversationId}`;
}

export function conversationPresenceChannel(conversationId: string): string {
  return `${CONVERSATION_PRESENCE_PREFIX}${conversationId}`;
}

/** Events on `private-chat-<conversationId>`. */
export const CHAT_EVENTS = {
  message: "message",
  messageEdited: "message-edited",
  messageDeleted: "message-deleted",
  reaction: "reaction",
  messagePinned: "message-pinned",
  /** A reply in a message's thread (threads/reply-in-thread.ts): the parent's count, and the thread panel if open. */
  threadReply: "thread-reply",
  /** A message's link preview, fetched after the send or an edit (link-previews/attach-link-preview.ts). */
  messageLinkPreview: "message-link-preview",
  /** A thread reply's link preview, fetched after the reply: open thread panels of its parent fetch the thread again. */
  threadReplyLinkPreview: "thread-reply-link-preview",
  receipt: "receipt",
  conversationUpdated: "conversation-updated",
} as const;

/** Client events members send each other on `presence-chat-<conversationId>` (never through the server). */
export const CHAT_CLIENT_EVENTS = {
  typing: "client-typing",
} as const;

/** Events on the member's own `private-user-<userId>`. */
export const CHAT_USER_EVENTS = {
  /** You were added to a conversation (a new DM or group): subscribe to its channel. */
  conversationAdded: "chat.conversation-added",
  /** You were removed: unsubscribe; later subscriptions are refused (and your connections are terminated). */
  removed: "chat.removed",
} as const;
