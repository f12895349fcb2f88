import { z } from "zod";
import { AppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { consume, rateLimitError, rateLimitHeaders, type RateLimitResult } from "@/server/platform/ratelimit";
import { errorAnswer, type Answer } from "@/server/web/answer";
import type { WebRequest } from "@/server/web/request";
import { authenticateApiKey } from "../keys/authenticate-api-key";
import { hotPathRedis } from "../hot-path-redis";

/**
 * What every public REST route of Links shares (./api-routes.ts: POST /api/shorten,
 * GET /api/stats/{code}, DELETE /api/urls/{code}, the CSV export):
 * who is calling, the rate limit, and the error format.
 *
 * - Caller: `Authorization: Bearer <API key>`, else the session cookie, else anonymous.
 *   Key calls work from anywhere; cookie calls pass the route table's request guard.
 * - Limits: per API key (or signed-in user) under "api-key", per client IP
 *   under "api-anonymous" (server/platform/ratelimit.ts, configurable through env).
 *   Every response carries X-RateLimit-Limit/Remaining/Reset; a 429 adds Retry-After.
 * - Errors: ErrorBody with the status of the AppError's code (server/errors.ts).
 */
export type PublicApiCaller = { userId: string | null; via: "api-key" | "session" | "anonymous"; rateLimitKey: string };

export async function handlePublicApi(request: WebRequest, handler: (caller: PublicApiCaller) => Promise<Answer>): Promise<Answer> {
  let limit: RateLimitResult | undefined;
  try {
    let caller: PublicApiCaller;
    try {
      caller = await identifyCaller(request);
    } catch (error) {
      // A bad key is limited like any anonymous call, so key guessing is throttled per IP.
      limit = await consume("api-anonymous", request.ip);
      if (!limit.allowed) throw rateLimitError(limit);
      throw error;
    }
    limit = await consume(caller.via === "anonymous" ? "api-anonymous" : "api-key", caller.rateLimitKey);
    if (!limit.allowed) throw rateLimitError(limit);
    const answer = await handler(caller);
    return { ...answer, headers: { ...answer.headers, ...rateLimitHeaders(limit) } };
  } catch (error) {
    return errorAnswer(error, request.path, limit ? rateLimitHeaders(limit) : undefined);
  }
}

async function identifyCaller(request: WebRequest): Promise<PublicApiCaller> {
  const apiCaller = await authenticateApiKey({ db, redis: hotPathRedis(), authorization: request.header("authorization") ?? null });
  if (apiCaller) return { userId: apiCaller.userId, via: "api-key", rateLimitKey: `key:${apiCaller.keyId}` };
  // Only a request with cookies can carry a session; skip the lookup for plain API clients.
  if (request.header("cookie")) {
    const user = await getSessionUser(request.headers);
    if (user) return { userId: user.id, via: "session", rateLimitKey: `user:${user.id}` };
  }
  return { userId: null, via: "anonymous", rateLimitKey: request.ip };
}

/** The caller's user id, or UNAUTHORIZED for anonymous calls to owner-only routes. */
export function requireUser(caller: PublicApiCaller): string {
  if (caller.userId === null) throw new AppError("UNAUTHORIZED", "This call needs 'Authorization: Bearer <API key>'.");
  return caller.userId;
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
