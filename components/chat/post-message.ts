import type { MessageView } from "./chat-types";
import { readAnswer, reviveMessage, type WireMessage } from "./wire-message";

export type PostMessageInput = {
  conversationId: string;
  clientId: string;
  body: string;
  replyToId: string | null;
  attachments: Array<{ key: string; name: string; thumbKey?: string; width?: number; height?: number }>;
  socketId: string | undefined;
};

/**
 * Sends through the plain route rather than chat.send: the route is Chat's hot
 * path and skips tRPC (server/chat/messages/send-message-route.ts). Same rules, same
 * answer (a MessageView). A network failure rejects with the fetch's
 * TypeError; a refusal with ChatRouteError.
 */
export async function postMessage({ conversationId, ...body }: PostMessageInput): Promise<MessageView> {
  const response = await fetch(`/api/chat/conversations/${encodeURIComponent(conversationId)}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
  });
  return reviveMessage(await readAnswer<WireMessage>(response, "The message could not be sent."));
}
