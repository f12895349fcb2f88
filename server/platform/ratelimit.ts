import "server-only";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/server/env";
import { AppError, errorBody } from "@/server/errors";
import { redis } from "./redis";
import { isTrustedProxy, normalizeIp } from "./trusted-proxies";

/**
 * Fixed-window rate limits kept in Redis, so every web instance counts against
 * the same window. Each policy is a named row: how many points a key may spend
 * per window, and the Redis key prefix its counters live under.
 */
export type RateLimitPolicy = { points: number; durationSeconds: number; keyPrefix: string };

/**
 * Defaults (all overridable through env, see server/env.ts):
 * - login-ip       20 sign-in attempts / 15 min per client IP   (LOGIN_LIMIT_PER_IP, LOGIN_LIMIT_WINDOW_SECONDS)
 * - login-pair     10 sign-in attempts / 15 min per (account, IP) (LOGIN_LIMIT_PER_PAIR, LOGIN_LIMIT_WINDOW_SECONDS)
 * - login-account  100 failed sign-ins / hour per account       (LOGIN_LIMIT_PER_ACCOUNT, LOGIN_LIMIT_ACCOUNT_WINDOW_SECONDS)
 * - signup-ip      10 accounts created / hour per client IP     (SIGNUP_LIMIT_PER_IP)
 * - username-check 60 availability checks / min per client IP   (USERNAME_CHECK_LIMIT_PER_IP)
 * - account-mail   10 reset/verification mails / hour per IP    (ACCOUNT_MAIL_LIMIT_PER_IP)
 * - api-anonymous  30 calls / min per client IP                 (RATE_LIMIT_API_ANONYMOUS_*)
 * - api-key        600 calls / min per API key                  (RATE_LIMIT_API_KEY_*)
 * - upload         30 uploads / hour per user                   (RATE_LIMIT_UPLOAD_*)
 * - chat-send      120 messages / min per user                  (RATE_LIMIT_CHAT_SEND_*)
 * - checkout       10 checkouts started / min per user or guest IP (RATE_LIMIT_CHECKOUT_*)
 * - cart-write     120 cart changes / min per user or guest IP  (RATE_LIMIT_CART_*)
 * - discount-code  30 discount code look-ups / 10 min per user or guest IP (RATE_LIMIT_DISCOUNT_CODE_*)
 * - feed-post      30 posts / 5 min per user                    (RATE_LIMIT_FEED_POST_*)
 * - feed-follow    60 follows and unfollows / 5 min per user    (RATE_LIMIT_FEED_FOLLOW_*)
 * - feed-like      300 likes, reposts, bookmarks / 5 min per user (RATE_LIMIT_FEED_LIKE_*)
 * - video-comment  10 comments and replies / min per user       (RATE_LIMIT_VIDEO_COMMENT_*)
 * - video-action   300 likes, subscriptions, reports / 5 min per user (RATE_LIMIT_VIDEO_ACTION_*)
 * - ride-request   10 ride requests / 10 min per rider            (RATE_LIMIT_RIDE_REQUEST_*)
 */
export const RATE_LIMIT_POLICIES = {
  "login-ip": policy("login-ip", env.LOGIN_LIMIT_PER_IP, env.LOGIN_LIMIT_WINDOW_SECONDS),
  "login-pair": policy("login-pair", env.LOGIN_LIMIT_PER_PAIR, env.LOGIN_LIMIT_WINDOW_SECONDS),
  "login-account": policy("login-account", env.LOGIN_LIMIT_PER_ACCOUNT, env.LOGIN_LIMIT_ACCOUNT_WINDOW_SECONDS),
  "signup-ip": policy("signup-ip", env.SIGNUP_LIMIT_PER_IP, 3600),
  "username-check": policy("username-check", env.USERNAME_CHECK_LIMIT_PER_IP, 60),
  "account-mail": policy("account-mail", env.ACCOUNT_MAIL_LIMIT_PER_IP, 3600),
  "api-anonymous": policy("api-anonymous", env.RATE_LIMIT_API_ANONYMOUS_POINTS, env.RATE_LIMIT_API_ANONYMOUS_WINDOW_SECONDS),
  "api-key": policy("api-key", env.RATE_LIMIT_API_KEY_POINTS, env.RATE_LIMIT_API_KEY_WINDOW_SECONDS),
  upload: policy("upload", env.RATE_LIMIT_UPLOAD_POINTS, env.RATE_LIMIT_UPLOAD_WINDOW_SECONDS),
  "chat-send": policy("chat-send", env.RATE_LIMIT_CHAT_SEND_POINTS, env.RATE_LIMIT_CHAT_SEND_WINDOW_SECONDS),
  checkout: policy("checkout", env.RATE_LIMIT_CHECKOUT_POINTS, env.RATE_LIMIT_CHECKOUT_WINDOW_SECONDS),
  "cart-write": policy("cart-write", env.RATE_LIMIT_CART_POINTS, env.RATE_LIMIT_CART_WINDOW_SECONDS),
  "discount-code": policy("discount-code", env.RATE_LIMIT_DISCOUNT_CODE_POINTS, env.RATE_LIMIT_DISCOUNT_CODE_WINDOW_SECONDS),
  "feed-post": policy("feed-post", env.RATE_LIMIT_FEED_POST_POINTS, env.RATE_LIMIT_FEED_POST_WINDOW_SECONDS),
  "feed-follow": policy("feed-follow", env.RATE_LIMIT_FEED_FOLLOW_POINTS, env.RATE_LIMIT_FEED_FOLLOW_WINDOW_SECONDS),
  "feed-like": policy("feed-like", env.RATE_LIMIT_FEED_LIKE_POINTS, env.RATE_LIMIT_FEED_LIKE_WINDOW_SECONDS),
  "video-comment": policy("video-comment", env.RATE_LIMIT_VIDEO_COMMENT_POINTS, env.RATE_LIMIT_VIDEO_COMMENT_WINDOW_SECONDS),
  "video-action": policy("video-action", env.RATE_LIMIT_VIDEO_ACTION_POINTS, env.RATE_LIMIT_VIDEO_ACTION_WINDOW_SECONDS),
  "ride-request": policy("ride-request", env.RATE_LIMIT_RIDE_REQUEST_POINTS, env.RATE_LIMIT_RIDE_REQUEST_WINDOW_SECONDS),
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitPolicyName = keyof typeof RATE_LIMIT_POLICIES;

export type RateLimitResult = {
  allowed: boolean;
  /** Points per window. */
  limit: number;
  remaining: number;
  /** When the current window ends, in epoch seconds. */
  resetAt: number;
  /** 0 when allowed; otherwise whole seconds until the window ends (at least 1). */
  retryAfterSeconds: number;
};

function policy(name: string, points: number, durationSeconds: number): RateLimitPolicy {
  return { points, durationSeconds, keyPrefix: `casebook:rl:${name}` };
}

const limiters = new Map<RateLimitPolicyName, RateLimiterRedis>();

function limiterFor(name: RateLimitPolicyName): RateLimiterRedis {
  let limiter = limiters.get(name);
  if (!limiter) {
    const { points, durationSeconds, keyPrefix } = RATE_LIMIT_POLICIES[name];
    // No insurance limiter: an in-memory fallback would count per instance and
    // silently multiply the limit; a Redis outage surfaces as UNAVAILABLE instead.
    limiter = new RateLimiterRedis({ storeClient: redis, points, duration: durationSeconds, keyPrefix });
    limiters.set(name, limiter);
  }
  return limiter;
}

/** Spends `points` (default 1) from `key`'s window under `policy` and says whether the caller may proceed. */
export async function consume(policyName: RateLimitPolicyName, key: string, points = 1): Promise<RateLimitResult> {
  const limit = RATE_LIMIT_POLICIES[policyName].points;
  try {
    const res = await limiterFor(policyName).consume(key, points);
    return toResult(limit, res, true);
  } catch (rejection) {
    // The library rejects with a RateLimiterRes when the window is spent, and with an Error when Redis fails.
    if (rejection instanceof RateLimiterRes) return toResult(limit, rejection, false);
    throw rejection;
  }
}

/** Gives back points spent on `key`, e.g. a sign-in attempt that turned out to be the owner's. */
export async function refundRateLimit(policyName: RateLimitPolicyName, key: string, points = 1): Promise<void> {
  await limiterFor(policyName).reward(key, points);
}

/** Forgets `key`'s window, e.g. the per-account login counter after a successful sign-in. */
export async function resetRateLimit(policyName: RateLimitPolicyName, key: string): Promise<void> {
  await limiterFor(policyName).delete(key);
}

function toResult(limit: number, res: RateLimiterRes, allowed: boolean): RateLimitResult {
  const msBeforeNext = Math.max(0, res.msBeforeNext);
  return {
    allowed,
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetAt: Math.ceil((Date.now() + msBeforeNext) / 1000),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(msBeforeNext / 1000)),
  };
}

/**
 * The headers every response of a limited route carries, allowed or not;
 * `Retry-After` only when refused.
 */
export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  const headers: Record<string, string> = {
    "X-RateLimit-Limit": String(result.limit),
    "X-RateLimit-Remaining": String(result.remaining),
    "X-RateLimit-Reset": String(result.resetAt),
  };
  if (!result.allowed) headers["Retry-After"] = String(result.retryAfterSeconds);
  return headers;
}

/** Adds the rate-limit headers to a response; copies it when its headers are immutable (e.g. `Response.redirect`). */
export function withRateLimitHeaders(response: Response, result: RateLimitResult): Response {
  const headers = rateLimitHeaders(result);
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}

/** The AppError a refused caller gets (tRPC procedures throw it; routes use `rateLimitedResponse`). */
export function rateLimitError(result: RateLimitResult): AppError {
  return new AppError("RATE_LIMITED", `Too many requests. Please try again in ${formatWait(result.retryAfterSeconds)}.`, {
    retryAfterSeconds: result.retryAfterSeconds,
  });
}

/** A complete 429 answer for route handlers: JSON error body plus every rate-limit header. */
export function rateLimitedResponse(result: RateLimitResult): Response {
  const error = rateLimitError(result);
  return Response.json(errorBody(error), { status: error.httpStatus, headers: rateLimitHeaders(result) });
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * The address to rate-limit by. `X-Forwarded-For` is client-writable, so it is
 * read only when the direct peer is one of our proxies (TRUSTED_PROXIES: IPs or
 * CIDRs); then the chain is walked from the nearest hop outwards and the first
 * address that is not a trusted proxy is the client. Entries further left were
 * written by the client and are ignored.
 */
export function clientIp(headers: Headers, remoteAddress: string | null | undefined): string {
  const peer = normalizeIp(remoteAddress);
  if (!peer) return "unknown";
  if (!isTrustedProxy(peer)) return peer;
  const forwarded = headers.get("x-forwarded-for");
  if (!forwarded) return peer;
  let nearest = peer;
  const hops = forwarded.split(",");
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = normalizeIp(hops[index]);
    // A malformed hop can only come from the client side of the chain: stop at the last address we trust.
    if (!hop) return nearest;
    if (!isTrustedProxy(hop)) return hop;
    nearest = hop;
  }
  return nearest;
}

/**
 * The client address for a route handler. Behind server/web/main.ts the
 * right-most X-Forwarded-For hop is the socket peer (that listener appends it);
 * from there clientIp walks left only through TRUSTED_PROXIES.
 */
export function requestClientIp(headers: Headers): string {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",");
  return clientIp(headers, hops.at(-1)?.trim());
}
