import type { IncomingMessage, ServerResponse } from "node:http";
import { headersOf, readNodeBody, sendJson } from "@/server/realtime/node-request";
import { answerHistory } from "./history-route";
import { answerSendMessage } from "./send-message-route";

const MESSAGES_PATH = /^\/api\/chat\/conversations\/([^/?#]+)\/messages(?:\?(.*))?$/;

/**
 * What the self-hosted web process (server/web/main.ts) answers of Chat
 * before Next: POST (send) and GET (history, catch-up) of
 * /api/chat/conversations/{id}/messages. Measured on
 * bench:chat, Next's router, tRPC and superjson cost more CPU per message
 * than the send itself. Straight from node:http to the shared handler, with
 * no Request object in between. Resolves false, having written nothing, for
 * every other request.
 */
export async function answerChatBeforeNext(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (request.method !== "POST" && request.method !== "GET") return false;
  const match = MESSAGES_PATH.exec(request.url ?? "");
  if (!match?.[1]) return false;
  let conversationId: string;
  try {
    conversationId = decodeURIComponent(match[1]);
  } catch {
    return false;
  }
  if (request.method === "GET") {
    const history = await answerHistory({ headers: headersOf(request, ["cookie"]), conversationId, query: new URLSearchParams(match[2] ?? "") });
    sendJson(response, history.status, history.body, history.headers);
    return true;
  }
  const answer = await answerSendMessage({
    headers: headersOf(request, ["cookie"]),
    conversationId,
    readBody: (maxBytes) => readNodeBody(request, maxBytes),
  });
  sendJson(response, answer.status, answer.body, answer.headers);
  return true;
}
