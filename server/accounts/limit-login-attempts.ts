import type { Db } from "@/server/platform/db";
import { consume, rateLimitHeaders, refundRateLimit, resetRateLimit, type RateLimitResult } from "@/server/platform/ratelimit";
import { redis } from "@/server/platform/redis";
import { normalizeUsername } from "./username";

/**
 * Sign-in limits, enforced by the accounts' better-auth hooks (auth-hooks.ts)
 * with the shared Redis policies of server/platform/ratelimit.ts:
 *
 * - "login-ip": every attempt from one client address counts, which stops one
 *   machine from spraying passwords across many accounts;
 * - "login-pair": every attempt on one account from one address counts, so
 *   guessing from one place stops quickly, but only for that place: an attacker
 *   elsewhere cannot lock the owner out;
 * - "login-account": attempts on one account from everywhere together, in a
 *   much larger and slower budget, against guessing spread over many
 *   addresses. An address that signed in to the account before is exempt from
 *   it, so even that cannot lock the owner out of their usual places.
 *
 * Counting in the request phase (not after a failure) keeps the limits exact
 * under concurrent guesses; a successful sign-in gives the points back. An
 * identifier with no account behind it is limited the same way, so a 429
 * reveals nothing about which names exist.
 */
export type LoginAttempt =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; headers: Record<string, string>; message: string; retryAfterSeconds: number };

/** How long an address that signed in stays exempt from the account-wide budget. */
const KNOWN_ADDRESS_SECONDS = 30 * 24 * 3600;

export async function beginLoginAttempt({ db, ip, identifier }: { db: Db; ip: string; identifier: string }): Promise<LoginAttempt> {
  const byIp = await consume("login-ip", ip);
  if (!byIp.allowed) return refuse(byIp, "Too many sign-in attempts from your network.");
  const account = await accountKeyFor(db, identifier);
  const byPair = await consume("login-pair", pairKey(account, ip));
  if (!byPair.allowed) return refuse(byPair, "Too many sign-in attempts for this account.");
  if (await isKnownAddress(account, ip)) return { allowed: true, headers: rateLimitHeaders(tighter(byIp, byPair)) };
  const byAccount = await consume("login-account", account);
  if (!byAccount.allowed) return refuse(byAccount, "Too many sign-in attempts for this account.");
  return { allowed: true, headers: rateLimitHeaders(tighter(tighter(byIp, byPair), byAccount)) };
}

/**
 * After a successful sign-in: the pair starts afresh, the attempt no longer
 * counts against the account, and the address becomes a known one.
 */
export async function endSuccessfulLogin({ userId, ip }: { userId: string; ip: string }): Promise<void> {
  const account = `user:${userId}`;
  await resetRateLimit("login-pair", pairKey(account, ip));
  if (!(await isKnownAddress(account, ip))) await refundRateLimit("login-account", account);
  await redis.set(knownAddressKey(account, ip), "1", "EX", KNOWN_ADDRESS_SECONDS);
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

function pairKey(account: string, ip: string): string {
  return `${account}|${ip}`;
}

function knownAddressKey(account: string, ip: string): string {
  return `casebook:login-known:${account}|${ip}`;
}

async function isKnownAddress(account: string, ip: string): Promise<boolean> {
  return account.startsWith("user:") && (await redis.exists(knownAddressKey(account, ip))) === 1;
}

/** Whichever budget is closer to running out, for the headers. */
function tighter(a: RateLimitResult, b: RateLimitResult): RateLimitResult {
  return b.remaining / b.limit < a.remaining / a.limit ? b : a;
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
