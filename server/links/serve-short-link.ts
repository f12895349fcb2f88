import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { clientIp } from "@/server/platform/ratelimit";
import { isLinkShaped } from "./alias";
import { ClickBuffer } from "./click-events";
import { hotPathRedis } from "./hot-path-redis";
import { getLinkCache } from "./link-cache";
import { readPasswordForm } from "./read-password-form";
import { resolveRedirect } from "./resolve-redirect";

/**
 * The self-hosted fast path (server/web/main.ts): short links are answered on
 * the bare node:http request, before Next's router, because a Next route
 * handler tops out near 1k redirects/s on these machines where bare Node does
 * ~10k (docs/benchmarks.md, Links). Only paths shaped like a code or alias are
 * taken, and a code with no link is handed back to Next, so no page is ever
 * swallowed.
 */
/** The code in `/code` or `/code?query` when it could be a short link; otherwise null. */
export function shortLinkCodeOf(request: IncomingMessage): string | null {
  const method = request.method;
  if (method !== "GET" && method !== "HEAD" && method !== "POST") return null;
  const url = request.url ?? "";
  if (url.charCodeAt(0) !== 47 /* "/" */) return null;
  const queryAt = url.indexOf("?");
  const code = url.slice(1, queryAt === -1 ? undefined : queryAt);
  return isLinkShaped(code) ? code : null;
}

/** Answers the short link and resolves true, or resolves false (nothing written) when Next should handle it. */
export async function serveShortLink(request: IncomingMessage, response: ServerResponse, code: string): Promise<boolean> {
  const url = request.url ?? "";
  const queryAt = url.indexOf("?");
  const headers = request.headers;
  const answer = await resolveRedirect(getLinkCache({ db, redis: hotPathRedis() }), {
    method: request.method ?? "GET",
    code,
    search: queryAt === -1 ? "" : url.slice(queryAt),
    ip: visitorIp(request),
    userAgent: headers["user-agent"] ?? "",
    referer: headers.referer ?? "",
    readForm: () => readPasswordForm(request, headers["content-length"]),
  });
  // Nothing has been read or written yet (the body is read only for an existing link's password).
  if (!answer.linkExists) return false;

  // An explicit length spares the chunked encoding of an empty 302 body; Node sends no body for HEAD.
  response.writeHead(answer.status, { ...answer.headers, "Content-Length": String(Buffer.byteLength(answer.body)) });
  response.end(answer.body);
  if (answer.click) clickBuffer().add(answer.click);
  return true;
}

const NO_HEADERS = new Headers();

const holder = globalThis as typeof globalThis & { casebookClickBuffer?: ClickBuffer };
function clickBuffer(): ClickBuffer {
  holder.casebookClickBuffer ??= new ClickBuffer(hotPathRedis());
  return holder.casebookClickBuffer;
}

/** Writes clicks still gathered in memory; server/web/main.ts calls it on shutdown. */
export function flushClicks(): Promise<void> {
  return holder.casebookClickBuffer?.flush() ?? Promise.resolve();
}

function visitorIp(request: IncomingMessage): string {
  const peer = request.socket.remoteAddress ?? "";
  // Without trusted proxies X-Forwarded-For is never believed: skip building Headers on the hot path.
  if (env.TRUSTED_PROXIES.length === 0) return peer.startsWith("::ffff:") ? peer.slice(7) : peer || "unknown";
  const forwarded = request.headers["x-forwarded-for"];
  const headers = forwarded ? new Headers({ "x-forwarded-for": String(forwarded) }) : NO_HEADERS;
  return clientIp(headers, peer);
}
