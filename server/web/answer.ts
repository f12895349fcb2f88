import { ZodError } from "zod";
import { AppError, errorBody, toAppError } from "@/server/errors";
import { logger } from "@/server/platform/logger";
import { invalidInput } from "./invalid-input";

/**
 * The one answer shape of every route in the table, whichever transport sends
 * it (server/web/node-request.ts writes it on node:http, server/web/next-route.ts
 * turns it into a Response). A plain object: building a Response per request
 * cost the fast paths measurable CPU.
 */
export type Answer = {
  status: number;
  headers?: Record<string, string>;
  /** Set-Cookie lines, each sent as its own header (a record cannot repeat a name). */
  setCookies?: readonly string[];
  body?: string | Uint8Array | ReadableStream<Uint8Array> | null;
  /**
   * Self-hosted, Next answers this request instead (nothing has been read or
   * written): a one-segment path with no link may be a page. Route handlers
   * on Vercel send the answer as it is.
   */
  yieldToNext?: boolean;
};

const NO_STORE = "no-store";
const log = logger.child({ module: "web" });

/** A JSON answer; not cached unless `headers` says otherwise. */
export function json(status: number, value: unknown, headers?: Record<string, string>): Answer {
  return { status, headers: { "Cache-Control": NO_STORE, ...headers, "Content-Type": "application/json" }, body: JSON.stringify(value) };
}

/**
 * Anything thrown, as the usual `{ error: { code, message } }` answer with the
 * status of server/errors.ts; a ZodError becomes BAD_REQUEST through
 * invalidInput(). A rate-limit refusal carries Retry-After. Failures on our
 * side are logged here, once, with the path; the client gets no detail.
 */
export function errorAnswer(error: unknown, path: string, headers?: Record<string, string>): Answer {
  const appError = error instanceof ZodError ? invalidInput(error) : toAppError(error);
  if (appError.code === "INTERNAL" || appError.code === "UNAVAILABLE") log.error({ err: error, path }, "request failed");
  const retryAfter = appError.details?.retryAfterSeconds;
  return json(appError.httpStatus, errorBody(appError), typeof retryAfter === "number" ? { ...headers, "Retry-After": String(retryAfter) } : headers);
}

/** Parses a JSON body (BAD_REQUEST when it is not JSON). */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be JSON.");
  }
}

/** Parses a JSON body that must be an object (BAD_REQUEST otherwise). */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  const value = parseJson(body);
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new AppError("BAD_REQUEST", "The request body must be a JSON object.");
  return value as Record<string, unknown>;
}
