import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { serveShortLink, shortLinkCodeOf } from "./serve-short-link";
import { handleShortenRequest } from "./shorten-route";

/**
 * What the self-hosted web process (server/web/main.ts) answers before Next:
 * short-link redirects and POST /api/shorten, the two paths whose volume
 * Next's router cannot carry on small machines (README "Performance").
 * Resolves false, having written nothing, for everything else — including a
 * code with no link, so pages are never swallowed.
 */
export async function answerBeforeNext(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const code = shortLinkCodeOf(request);
  if (code !== null) return serveShortLink(request, response, code);
  if (request.method === "POST" && (request.url === "/api/shorten" || request.url?.startsWith("/api/shorten?"))) {
    await sendWebResponse(response, await handleShortenRequest(toWebRequest(request)));
    return true;
  }
  return false;
}

function toWebRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  // server/web/main.ts has already appended the socket peer to X-Forwarded-For (requestClientIp reads it).
  const host = headers.get("host") ?? "localhost";
  return new Request(`http://${host}${request.url ?? "/"}`, {
    method: request.method,
    headers,
    body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
    duplex: "half",
  } as RequestInit);
}

async function sendWebResponse(response: ServerResponse, answer: Response): Promise<void> {
  const body = answer.body ? Buffer.from(await answer.arrayBuffer()) : undefined;
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => (headers[name] = value));
  response.writeHead(answer.status, headers);
  response.end(body);
}
