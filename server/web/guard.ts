import { appUrl } from "@/server/env";
import { AppError } from "@/server/errors";

/**
 * The one request guard against cross-site request forgery, for every
 * cookie-authenticated state change: the routes of the table (both
 * transports), the upload routes and tRPC (app/api/trpc/[trpc]/route.ts).
 * better-auth's /api/auth/* checks origins itself (trustedOrigins).
 *
 * SameSite=Lax cookies do not stop a page on another port of the same host
 * (same site, other origin), so the browser's own statement decides:
 * - `Origin` present: it must be the request's own origin (the Host it was
 *   sent to) or the configured APP_URL; anything else (another port, another
 *   host, "null" from a sandboxed frame) is refused.
 * - No `Origin` but `Sec-Fetch-Site`: only "same-origin" and "none" (typed
 *   into the address bar) pass.
 * - Neither: not a browser (curl, server-to-server) — it cannot carry a
 *   forged cookie, so it passes.
 * Safe methods and requests without a cookie are not guarded (no state change,
 * or nothing to forge). Neither is a request carrying `Authorization: Bearer`:
 * the API key authenticates it, and no page can attach that header to
 * another origin without a CORS preflight, which nothing here grants.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const appHost = new URL(appUrl).host;

export type GuardedRequest = { method: string; header(name: string): string | undefined };

export function guardRequest(request: GuardedRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (!request.header("cookie")) return;
  if (request.header("authorization")?.startsWith("Bearer ")) return;
  const origin = request.header("origin");
  if (origin !== undefined) {
    if (isOwnOrigin(origin, request.header("host"))) return;
    throw foreign();
  }
  const site = request.header("sec-fetch-site");
  if (site === undefined || site === "same-origin" || site === "none") return;
  throw foreign();
}

/** The same guard for a Web Request (Next route handlers, tRPC). */
export function guardWebRequest(request: Request): void {
  guardRequest({ method: request.method, header: (name) => request.headers.get(name) ?? undefined });
}

function isOwnOrigin(origin: string, host: string | undefined): boolean {
  let originHost: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") return false;
    originHost = url.host;
  } catch {
    return false; // "null" and anything else that is not an origin
  }
  // The scheme is not compared with the Host: behind a TLS-terminating proxy this listener sees plain HTTP.
  return originHost === appHost || (host !== undefined && originHost === host.toLowerCase());
}

function foreign(): AppError {
  return new AppError("FORBIDDEN", "This request came from another site and was refused. Please use the app itself.");
}
