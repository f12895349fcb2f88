import type { IncomingMessage, ServerResponse } from "node:http";
import { answerSendMessage, tooLarge } from "./send-message-route";

const SEND_PATH = /^\/api\/chat\/conversations\/([^/?#]+)\/messages(?:\?.*)?$/;

/**
 * What the self-hosted web process (server/web/main.ts) answers of Chat
 * before Next: POST /api/chat/conversations/{id}/messages. Measured on
 * bench:chat, Next's router, tRPC and superjson cost more CPU per message
 * than the send itself. Straight from node:http to the shared handler, with
 * no Request object in between. Resolves false, having written nothing, for
 * every other request.
 */
export async function answerChatBeforeNext(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (request.method !== "POST") return false;
  const match = SEND_PATH.exec(request.url ?? "");
  if (!match?.[1]) return false;
  let conversationId: string;
  try {
    conversationId = decodeURIComponent(match[1]);
  } catch {
    return false;
  }
  const cookie = request.headers.cookie;
  const answer = await answerSendMessage({
    headers: new Headers(cookie ? { cookie } : {}),
    conversationId,
    readBody: (maxBytes) => readNodeBody(request, maxBytes),
  });
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, { ...answer.headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
  return true;
}

function readNodeBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers["content-length"] ?? "0") > maxBytes) {
      reject(tooLarge(maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.removeAllListeners("data");
        request.resume();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
