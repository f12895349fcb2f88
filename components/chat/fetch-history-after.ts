import type { MessageView } from "./chat-types";
import { readAnswer, reviveMessage, type WireMessage } from "./wire-message";

export type HistoryAfter = { messages: MessageView[]; hasOlder: boolean; hasNewer: boolean; lastSeq: number };

/**
 * The messages after `after` (ascending), through the plain history route
 * (server/chat/messages/history-route.ts) rather than chat.history: catching up is what
 * every open conversation does at once after a reconnect.
 */
export async function fetchHistoryAfter(conversationId: string, after: number, limit: number): Promise<HistoryAfter> {
  const response = await fetch(`/api/chat/conversations/${encodeURIComponent(conversationId)}/messages?after=${after}&limit=${limit}`, { cache: "no-store" });
  const page = await readAnswer<Omit<HistoryAfter, "messages"> & { messages: WireMessage[] }>(response, "Could not load messages.");
  return { ...page, messages: page.messages.map(reviveMessage) };
}
