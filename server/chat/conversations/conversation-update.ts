import { CHAT_EVENTS } from "../chat-channels";
import { publishToConversation } from "../publish-chat-events";

/** Payload of `conversation-updated` on `private-chat-<id>`: members refetch the conversation (chat.get) when they care. */
export type ConversationUpdate = {
  conversationId: string;
  change: "renamed" | "members-added" | "member-removed" | "member-left";
  /** The group's name after the change. */
  name: string | null;
  /** Who was added, removed or left; empty for a rename. */
  userIds: string[];
  byUserId: string;
};

export function announceConversationUpdate(update: ConversationUpdate): Promise<void> {
  return publishToConversation(update.conversationId, CHAT_EVENTS.conversationUpdated, update);
}
