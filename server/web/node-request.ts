import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { Readable, pipeline } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { env } from "@/server/env";
import { logger } from "@/server/platform/logger";
import { clientIp } from "@/server/platform/ratelimit";
import type { Answer } from "./answer";
import { readNodeBody } from "./read-body";
import type { WebRequest } from "./request";

const log = logger.child({ module: "web" });

/**
 * The route table's request on the bare node:http request, for the paths the
 * self-hosted listener answers before Next: no Request object, no Headers
 * unless a handler asks for them (the redirect never does).
 */
export class NodeWebRequest implements WebRequest {
  params: Record<string, string> = {};
  private builtHeaders: Headers | undefined;
  private parsedQuery: URLSearchParams | undefined;

  constructor(
    private readonly raw: IncomingMessage,
    readonly path: string,
    readonly search: string,
  ) {}

  get method(): string {
    return this.raw.method ?? "GET";
  }

  get query(): URLSearchParams {
    this.parsedQuery ??= new URLSearchParams(this.search);
    return this.parsedQuery;
  }

  header(name: string): string | undefined {
    const value = this.raw.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  }

  get headers(): Headers {
    if (!this.builtHeaders) {
      const headers = new Headers();
      for (const [name, value] of Object.entries(this.raw.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      this.builtHeaders = headers;
    }
    return this.builtHeaders;
  }

  get ip(): string {
    const peer = this.raw.socket.remoteAddress ?? "";
    // Without trusted proxies X-Forwarded-For is never believed: skip building Headers on the hot path.
    if (env.TRUSTED_PROXIES.length === 0) return peer.startsWith("::ffff:") ? peer.slice(7) : peer || "unknown";
    const forwarded = this.raw.headers["x-forwarded-for"];
    // server/web/main.ts appended the peer to X-Forwarded-For; clientIp starts from the peer itself.
    return clientIp(new Headers(forwarded ? { "x-forwarded-for": String(forwarded) } : {}), peer);
  }

  readBody(maxBytes: number): Promise<Buffer> {
    return readNodeBody(this.raw, maxBytes);
  }

  defer(work: Promise<unknown> | (() => Promise<unknown>)): void {
    (typeof work === "function" ? work() : work).catch(logDeferredFailure);
  }
}

function logDeferredFailure(error: unknown): void {
  log.warn({ err: error instanceof Error ? error.message : String(error) }, "deferred task failed");
}

/**
 * Writes an answer. A 413 closes the connection, so Node does not read the
 * unread rest of the body to keep it alive.
 */
export function sendNodeAnswer(response: ServerResponse, answer: Answer, method: string, baseHeaders?: Record<string, string>): void {
  const { status, body } = answer;
  if (body !== null && body !== undefined && typeof body !== "string" && body instanceof ReadableStream) {
    response.writeHead(status, withCookies({ ...baseHeaders, ...answer.headers }, answer));
    // pipeline, not pipe: when the client goes away (a player seeking, a tab closed) it destroys the body,
    // which cancels the stream and so closes the file it reads (local-disk-store.ts); pipe left the file
    // open until garbage collection. That early end is the client's choice, not a failure to report.
    pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), response, (error) => {
      if (error && error.code !== "ERR_STREAM_PREMATURE_CLOSE") log.warn({ err: error.message }, "streaming an answer failed");
    });
    return;
  }
  // An explicit length spares the chunked encoding of a small body; Node sends no body for HEAD.
  const length = body ? (typeof body === "string" ? Buffer.byteLength(body) : body.byteLength) : 0;
  const headers = withCookies({ ...baseHeaders, ...answer.headers, "Content-Length": String(length) }, answer);
  response.writeHead(status, status === 413 ? { ...headers, Connection: "close" } : headers);
  response.end(method === "HEAD" ? undefined : body);
}

function withCookies(headers: Record<string, string>, answer: Answer): OutgoingHttpHeaders {
  return answer.setCookies?.length ? { ...headers, "Set-Cookie": [...answer.setCookies] } : headers;
}
