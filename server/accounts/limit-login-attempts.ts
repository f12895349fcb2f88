import type { Db } from "@/server/platform/db";
import { consume, rateLimitHeaders, resetRateLimit, type RateLimitResult } from "@/server/platform/ratelimit";
import { normalizeUsername } from "./username";

/**
 * Sign-in limits, enforced by better-auth hooks (server/platform/auth.ts) with
 * the shared Redis policies of server/platform/ratelimit.ts:
 *
 * - "login-ip": every attempt from one client address counts, which stops one
 *   machine from spraying passwords across many accounts;
 * - "login-account": every attempt on one account counts too, and a successful
 *   sign-in gives the budget back. Counting in the request phase (not after a
 *   failure) keeps the limit exact under concurrent guesses.
 *
 * An identifier with no account behind it is limited the same way, so a 429
 * reveals nothing about which names exist.
 */
export type LoginAttempt =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; headers: Record<string, string>; message: string; retryAfterSeconds: number };

export async function beginLoginAttempt({
  db,
  ip,
  identifier,
}: {
  db: Db;
  ip: string;
  identifier: string;
}): Promise<LoginAttempt> {
  const byIp = await consume("login-ip", ip);
  if (!byIp.allowed) return refuse(byIp, "Too many sign-in attempts from your network.");
  const byAccount = await consume("login-account", await accountKeyFor(db, identifier));
  if (!byAccount.allowed) return refuse(byAccount, "Too many sign-in attempts for this account.");
  // Report whichever budget is closer to running out.
  const tighter = byAccount.remaining / byAccount.limit < byIp.remaining / byIp.limit ? byAccount : byIp;
  return { allowed: true, headers: rateLimitHeaders(tighter) };
}

/** After a successful sign-in the account's earlier attempts no longer count against it. */
export async function resetLoginAttempts(userId: string): Promise<void> {
  await resetRateLimit("login-account", `user:${userId}`);
}

/** One bucket per account, whichever of its names (email or username) is typed. */
async function accountKeyFor(db: Db, identifier: string): Promise<string> {
  const typed = identifier.trim().toLowerCase();
  if (!typed) return "name:";
  const user = typed.includes("@")
    ? await db.user.findUnique({ where: { email: typed }, select: { id: true } })
    : await db.user.findUnique({ where: { username: normalizeUsername(typed) }, select: { id: true } });
  return user ? `user:${user.id}` : `name:${typed}`;
}

function refuse(result: RateLimitResult, reason: string): LoginAttempt {
  return {
    allowed: false,
    headers: rateLimitHeaders(result),
    message: `${reason} Please wait ${describeWait(result.retryAfterSeconds)} and try again.`,
    retryAfterSeconds: result.retryAfterSeconds,
  };
}

function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
