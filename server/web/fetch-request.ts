import { after } from "next/server";
import { logger } from "@/server/platform/logger";
import { requestClientIp } from "@/server/platform/ratelimit";
import type { Answer } from "./answer";
import { readWebBody } from "./read-body";
import type { WebRequest } from "./request";

const log = logger.child({ module: "web" });

/** The route table's request on a Web Request: what Next route handlers get (Vercel, and tRPC/auth self-hosted). */
export class FetchWebRequest implements WebRequest {
  params: Record<string, string> = {};
  readonly path: string;
  readonly search: string;
  private parsedQuery: URLSearchParams | undefined;

  constructor(private readonly raw: Request) {
    // The raw path, still percent-encoded: `new URL()` keeps it as sent.
    const url = new URL(raw.url);
    this.path = url.pathname;
    this.search = url.search;
  }

  get method(): string {
    return this.raw.method;
  }

  get query(): URLSearchParams {
    this.parsedQuery ??= new URLSearchParams(this.search);
    return this.parsedQuery;
  }

  header(name: string): string | undefined {
    return this.raw.headers.get(name) ?? undefined;
  }

  get headers(): Headers {
    return this.raw.headers;
  }

  get ip(): string {
    return requestClientIp(this.raw.headers);
  }

  readBody(maxBytes: number): Promise<Buffer> {
    return readWebBody(this.raw, maxBytes);
  }

  defer(work: Promise<unknown> | (() => Promise<unknown>)): void {
    const run = () => (typeof work === "function" ? work() : work).catch((error: unknown) => log.warn({ err: error instanceof Error ? error.message : String(error), path: this.path }, "deferred task failed"));
    try {
      after(run);
    } catch {
      // Outside a Next request (tests, scripts) there is no `after`: run detached.
      void run();
    }
  }
}

export function toResponse(answer: Answer, method: string): Response {
  // A Buffer is a Uint8Array over an ArrayBufferLike, which Response takes as it is.
  const body = method === "HEAD" || answer.body === "" ? null : ((answer.body ?? null) as BodyInit | null);
  const headers = new Headers(answer.headers);
  for (const cookie of answer.setCookies ?? []) headers.append("Set-Cookie", cookie);
  return new Response(body, { status: answer.status, headers });
}

/** A Response as an Answer (a fetch-native handler, such as tRPC's, answered by the listener). */
export function toAnswer(response: Response): Answer {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  return { status: response.status, headers, setCookies: response.headers.getSetCookie(), body: response.body };
}
