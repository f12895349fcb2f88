/**
 * The one request type of the route table (server/web/routes.ts). Two
 * transports implement it: the bare node:http request the self-hosted
 * listener answers before Next (node-request.ts), and the Web Request of a
 * Next route handler, used on Vercel (fetch-request.ts). Handlers see only
 * this, so a route behaves the same on both.
 */
export interface WebRequest {
  readonly method: string;
  /** The path as received, still percent-encoded, without the query. */
  readonly path: string;
  /** The query string with its "?", or "". */
  readonly search: string;
  /** The query, parsed on first use. */
  readonly query: URLSearchParams;
  /** The matched pattern's parameters, percent-decoded (server/web/route-table.ts). */
  params: Record<string, string>;
  /** One header by its lower-case name. */
  header(name: string): string | undefined;
  /** Every header (the session and rate-limit code read a Headers), built on first use. */
  readonly headers: Headers;
  /** The client's address: the socket peer, or X-Forwarded-For walked through TRUSTED_PROXIES only. */
  readonly ip: string;
  /**
   * The body, at most `maxBytes`: past that (declared or counted) it throws
   * PAYLOAD_TOO_LARGE and reads no further (server/web/read-body.ts).
   */
  readBody(maxBytes: number): Promise<Buffer>;
  /**
   * Work the client need not wait for, like Next's `after()`: a task run once
   * the answer is out, or a promise already under way to wait for. On the
   * bare listener the process outlives the answer: the task runs detached.
   */
  defer(work: Promise<unknown> | (() => Promise<unknown>)): void;
}
