import { ZodError, z } from "zod";
import { AppError, errorBody, toAppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { consume, rateLimitError, requestClientIp, withRateLimitHeaders, type RateLimitResult } from "@/server/platform/ratelimit";
import { authenticateApiKey } from "./authenticate-api-key";
import { hotPathRedis } from "./hot-path-redis";

/**
 * What every public REST route of Links shares (POST /api/shorten,
 * GET /api/stats/{code}, DELETE /api/urls/{code}, the CSV export):
 * who is calling, the rate limit, and the error format.
 *
 * - Caller: `Authorization: Bearer <API key>`, else the session cookie, else anonymous.
 * - Limits: per API key (or signed-in user) under "api-key", per client IP
 *   under "api-anonymous" (server/platform/ratelimit.ts, configurable through env).
 *   Every response carries X-RateLimit-Limit/Remaining/Reset; a 429 adds Retry-After.
 * - Errors: `{ "error": { "code", "message" } }` with the status of server/errors.ts.
 */
export type PublicApiCaller = { userId: string | null; via: "api-key" | "session" | "anonymous"; rateLimitKey: string };

const log = logger.child({ module: "links-api" });

export async function handlePublicApi(request: Request, handler: (caller: PublicApiCaller) => Promise<Response>): Promise<Response> {
  let limit: RateLimitResult | undefined;
  try {
    let caller: PublicApiCaller;
    try {
      caller = await identifyCaller(request);
    } catch (error) {
      // A bad key is limited like any anonymous call, so key guessing is throttled per IP.
      limit = await consume("api-anonymous", requestClientIp(request.headers));
      if (!limit.allowed) throw rateLimitError(limit);
      throw error;
    }
    limit = await consume(caller.via === "anonymous" ? "api-anonymous" : "api-key", caller.rateLimitKey);
    if (!limit.allowed) throw rateLimitError(limit);
    return withHeaders(await handler(caller), limit);
  } catch (error) {
    const appError = error instanceof ZodError ? zodToAppError(error) : toAppError(error);
    if (appError.code === "INTERNAL" || appError.code === "UNAVAILABLE") log.error({ err: error, url: request.url }, "links API failed");
    return withHeaders(Response.json(errorBody(appError), { status: appError.httpStatus }), limit);
  }
}

async function identifyCaller(request: Request): Promise<PublicApiCaller> {
  const apiCaller = await authenticateApiKey({ db, redis: hotPathRedis(), authorization: request.headers.get("authorization") });
  if (apiCaller) return { userId: apiCaller.userId, via: "api-key", rateLimitKey: `key:${apiCaller.keyId}` };
  // Only a request with cookies can carry a session; skip the lookup for plain API clients.
  if (request.headers.get("cookie")) {
    const user = await getSessionUser(request.headers);
    if (user) return { userId: user.id, via: "session", rateLimitKey: `user:${user.id}` };
  }
  return { userId: null, via: "anonymous", rateLimitKey: requestClientIp(request.headers) };
}

/** The caller's user id, or UNAUTHORIZED for anonymous calls to owner-only routes. */
export function requireUser(caller: PublicApiCaller): string {
  if (caller.userId === null) throw new AppError("UNAUTHORIZED", "This call needs 'Authorization: Bearer <API key>'.");
  return caller.userId;
}

/** Reads a JSON body of at most `maxBytes` (PAYLOAD_TOO_LARGE beyond, BAD_REQUEST if it is not JSON). */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        // The client went away mid-body: nothing to answer, and nothing wrong on our side.
        throw new AppError("BAD_REQUEST", "The request body could not be read.");
      });
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch((error: unknown) => log.debug({ err: String(error) }, "cancel after oversized body"));
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be JSON.");
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
}

function zodToAppError(error: ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || undefined;
  return new AppError("BAD_REQUEST", issue ? `${field ? `${field}: ` : ""}${issue.message}` : "Invalid request.", field ? { field } : undefined);
}

function withHeaders(response: Response, limit: RateLimitResult | undefined): Response {
  return limit ? withRateLimitHeaders(response, limit) : response;
}

/** An optional ISO-8601 date-time ("2030-01-01T00:00:00Z"); anything unparsable fails validation. */
export const IsoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, "must be an ISO-8601 date-time")
  .transform((value, context) => {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: "custom", message: "must be an ISO-8601 date-time" });
      return z.NEVER;
    }
    return date;
  });
