import type { IncomingMessage, ServerResponse } from "node:http";
import { serveShortLink, shortLinkCodeOf } from "./serve-short-link";
import { MAX_BODY_BYTES, handleShortenRequest } from "./shorten-route";

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
    await sendWebResponse(response, await handleShortenRequest(await toWebRequest(request, MAX_BODY_BYTES)));
    return true;
  }
  return false;
}

/**
 * The Request the shared handler expects, with the body already in memory: a
 * bridged stream (Readable.toWeb) cost more CPU than the rest of a create.
 * At most `maxBytes` + 1 bytes are read, enough for the handler to answer 413.
 */
async function toWebRequest(request: IncomingMessage, maxBytes: number): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  // server/web/main.ts has already appended the socket peer to X-Forwarded-For (requestClientIp reads it).
  const host = headers.get("host") ?? "localhost";
  return new Request(`http://${host}${request.url ?? "/"}`, { method: request.method, headers, body: await readBodyUpTo(request, maxBytes + 1) });
}

/** A body declared larger than the limit is not read at all; the handler refuses it from Content-Length. */
function readBodyUpTo(request: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers["content-length"] ?? "0") > limit) return Promise.resolve(new Uint8Array(0));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => {
      request.off("data", onData).off("end", finish).off("close", finish).off("error", finish);
      const body = new Uint8Array(Math.min(size, limit));
      let offset = 0;
      for (const chunk of chunks) {
        if (offset >= body.length) break;
        body.set(chunk.subarray(0, body.length - offset), offset);
        offset += chunk.length;
      }
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size < limit) return;
      // Past the limit the rest is left unread: Node discards it once the response is sent.
      request.pause();
      finish();
    };
    // A client gone mid-body leaves a partial body, which the handler answers as invalid JSON.
    request.on("data", onData).once("end", finish).once("close", finish).once("error", finish);
  });
}

async function sendWebResponse(response: ServerResponse, answer: Response): Promise<void> {
  const body = answer.body ? Buffer.from(await answer.arrayBuffer()) : undefined;
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => (headers[name] = value));
  response.writeHead(answer.status, headers);
  response.end(body);
}
