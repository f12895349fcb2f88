import { consume } from "@/server/platform/ratelimit";
import { isLinkShaped } from "../manage/alias";
import type { ClickEvent } from "../analytics/click-events";
import type { LinkCache, ResolvedLink } from "./link-cache";
import { verifyLinkPassword } from "../link-password";
import { PAGE_HEADERS, gonePage, notFoundPage, passwordPage } from "./redirect-pages";
import { targetedDestination } from "./targeted-destination";
import { crawlerCardPage, isUnfurler } from "./crawler-card";

/**
 * The redirect hot path, framework-free: its route (server/links/redirect/redirect-route.ts)
 * turns the answer into the route table's Answer, which the self-hosted
 * listener and proxy.ts (on Vercel) send.
 *
 * It never waits on analytics: a served redirect comes back with the click to
 * record, and the caller writes it after (or while) the response goes out.
 */
export type RedirectRequest = {
  method: string;
  /** The path segment after "/", percent-decoded. */
  code: string;
  /** The short URL's query string including "?", or "". */
  search: string;
  ip: string;
  userAgent: string;
  referer: string;
  /** Reads the url-encoded form body of a POST (the password form); called only when needed. */
  readForm?: () => Promise<URLSearchParams>;
};

export type RedirectAnswer = {
  status: 302 | 200 | 401 | 404 | 405 | 410 | 429;
  headers: Record<string, string>;
  body: string;
  /** Set when no link has this code: self-hosted, Next answers the request instead (it may be a page). */
  yieldToNext?: true;
  /** Set when a redirect was served to a visitor: the caller records it off the response path. */
  click?: ClickEvent;
};


/**
 * Synchronous when the in-process cache knows the code and no password is
 * asked (nearly every redirect), so the hot path creates no promise
 * (server/web/listener.ts says why that matters).
 */
export function resolveRedirect(cache: LinkCache, request: RedirectRequest, now: () => number = Date.now): RedirectAnswer | Promise<RedirectAnswer> {
  const { code, method } = request;
  if (method !== "GET" && method !== "HEAD" && method !== "POST") {
    return { status: 405, headers: { ...PAGE_HEADERS, Allow: "GET, HEAD, POST" }, body: "" };
  }
  // Syntactically impossible codes never cost a Redis or Postgres round trip.
  if (!isLinkShaped(code)) return notFound(request);

  const cached = cache.peek(code);
  if (cached !== undefined) return answerFor(cached, request, now);
  return cache.lookup(code).then((link) => answerFor(link, request, now));
}

function answerFor(link: ResolvedLink | null, request: RedirectRequest, now: () => number): RedirectAnswer | Promise<RedirectAnswer> {
  const { code, method } = request;
  if (!link) return notFound(request);

  if (link.disabled) return gone(request, "disabled");
  // Compared on every request, so a cached link stops at the instant it expires.
  if (link.expiresAt !== null && now() >= link.expiresAt) return gone(request, "expired");

  if (link.passwordHash !== null) {
    if (method !== "POST") return { status: 200, headers: PAGE_HEADERS, body: passwordPage(code, { wrongPassword: false }) };
    return unlock(link, link.passwordHash, request, now);
  }
  if (method === "POST") return { status: 405, headers: { ...PAGE_HEADERS, Allow: "GET, HEAD" }, body: "" };
  return redirectTo(link, request, now);
}

/** A POSTed password: the redirect when it is right. */
async function unlock(link: ResolvedLink, passwordHash: string, request: RedirectRequest, now: () => number): Promise<RedirectAnswer> {
  const { code } = request;
  // Guesses are limited per visitor and link (the sign-in policy: 20 per 15 minutes), which also
  // keeps a flood of wrong passwords from spending the web process's CPU on scrypt.
  const attempt = await consume("login-ip", `link-password:${code}:${request.ip}`);
  if (!attempt.allowed) {
    return {
      status: 429,
      headers: { ...PAGE_HEADERS, "Retry-After": String(attempt.retryAfterSeconds) },
      body: passwordPage(code, { tooManyAttempts: true }),
    };
  }
  const form = request.readForm ? await request.readForm() : new URLSearchParams();
  const password = form.get("password") ?? "";
  // A wrong password serves no redirect, so it records no click.
  if (!password || !(await verifyLinkPassword(password, passwordHash))) {
    return { status: 401, headers: PAGE_HEADERS, body: passwordPage(code, { wrongPassword: true }) };
  }
  return redirectTo(link, request, now);
}

function redirectTo(link: ResolvedLink, request: RedirectRequest, now: () => number): RedirectAnswer | Promise<RedirectAnswer> {
  // The owner's own card for the apps that unfurl links; everyone else is redirected.
  if (link.card && isUnfurler(request.userAgent)) {
    return { status: 200, headers: PAGE_HEADERS, body: crawlerCardPage(link.card, withQuery(link.url, request.search)), click: clickOf(link, request, now) };
  }
  // Plain links stay synchronous; a targeted one chooses its destination per visitor (targeted-destination.ts).
  if (link.targeting) return targetedDestination(link.url, link.targeting, request).then((url) => redirectAnswer(link, url, request, now));
  return redirectAnswer(link, link.url, request, now);
}

function redirectAnswer(link: ResolvedLink, destination: string, request: RedirectRequest, now: () => number): RedirectAnswer {
  const answer: RedirectAnswer = {
    status: 302,
    headers: { Location: withQuery(destination, request.search), "Cache-Control": "private, max-age=0" },
    body: "",
  };
  answer.click = clickOf(link, request, now);
  return answer;
}

/** HEAD is what link unfurlers and uptime checks send: answered, not counted. */
function clickOf(link: ResolvedLink, request: RedirectRequest, now: () => number): ClickEvent | undefined {
  if (request.method === "HEAD") return undefined;
  return { linkId: link.id, occurredAt: now(), ip: request.ip, userAgent: request.userAgent, referer: request.referer };
}

function notFound({ code }: RedirectRequest): RedirectAnswer {
  return { status: 404, headers: PAGE_HEADERS, body: notFoundPage(code), yieldToNext: true };
}

function gone({ code }: RedirectRequest, reason: "expired" | "disabled"): RedirectAnswer {
  return { status: 410, headers: PAGE_HEADERS, body: gonePage(code, reason) };
}

/**
 * The destination plus the short URL's query string: "https://a.com/p?x=1#top"
 * with "?utm=2" becomes "https://a.com/p?x=1&utm=2#top".
 */
export function withQuery(destination: string, search: string): string {
  // Raw non-ASCII in the request line would make an invalid header: percent-encode it.
  const extra = (search.startsWith("?") ? search.slice(1) : search).replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
  if (!extra) return destination;
  const hashAt = destination.indexOf("#");
  const base = hashAt === -1 ? destination : destination.slice(0, hashAt);
  const fragment = hashAt === -1 ? "" : destination.slice(hashAt);
  const separator = base.includes("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
  return `${base}${separator}${extra}${fragment}`;
}
