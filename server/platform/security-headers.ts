import { appUrl, env } from "@/server/env";
import { MAPBOX_CONNECT_SOURCES, mapSettings } from "./map-settings";
import { clientConfigFor, realtimeSettingsFromEnv } from "./realtime-client-config";
import { cameThroughTrustedProxy } from "./trusted-proxies";

/**
 * The security headers of every response: proxy.ts applies them to everything
 * Next answers, and the paths answered before Next (server/web) apply
 * `securityHeaders` themselves.
 *
 * - Pages get a Content-Security-Policy with a fresh nonce per request: only
 *   scripts carrying it run ('strict-dynamic' lets them load Next's chunks), so
 *   an injected <script> does not. Next reads the nonce from the request's
 *   CSP header and puts it on its own scripts.
 * - Everything else (API answers, static files) may load and run nothing
 *   (`default-src 'none'`); a bodiless redirect gets only what applies to it
 *   (`redirectSecurityHeaders`). Stored files carry their own, stricter
 *   policy (server/platform/serve-object.ts), which proxy.ts leaves in place.
 * - Nothing may frame us; MIME types are never sniffed; other sites see only
 *   our origin as referrer; geolocation only on /rides pages; HSTS over TLS.
 */
type RequestFacts = { pathname: string; headers: Pick<Headers, "get"> };
type SecurityHeaders = Record<string, string> & { "Content-Security-Policy": string };

/** No document on these paths: nothing may load, run or frame. */
export const RESOURCE_POLICY = "default-src 'none'; frame-ancestors 'none'";

const HSTS = "max-age=63072000; includeSubDomains";
const REFERRER_POLICY = "strict-origin-when-cross-origin";
const REDIRECT_HEADERS: Readonly<Record<string, string>> = Object.freeze({ "Referrer-Policy": REFERRER_POLICY });
const DENIED_FEATURES = "camera=(), microphone=(), payment=(), usb=()";

/** The headers for a response that is not a page: API answers, redirects, files. */
export function securityHeaders({ pathname, headers }: RequestFacts): SecurityHeaders {
  return {
    "Content-Security-Policy": RESOURCE_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": REFERRER_POLICY,
    "Permissions-Policy": `${DENIED_FEATURES}, geolocation=${needsGeolocation(pathname) ? "(self)" : "()"}`,
    ...(isSecureRequest(headers) ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/**
 * The headers for a redirect without a body (the short links): the browser
 * renders nothing from it, so the document policies (CSP, framing, sniffing,
 * features) have nothing to govern; the referrer policy does, since it decides
 * what the destination learns, and HSTS does over TLS. Every byte here is
 * sent with each of thousands of redirects a second.
 */
export function redirectSecurityHeaders({ headers }: Pick<RequestFacts, "headers">): Record<string, string> {
  return isSecureRequest(headers) ? { "Referrer-Policy": REFERRER_POLICY, "Strict-Transport-Security": HSTS } : REDIRECT_HEADERS;
}

/** The headers for a page rendered with `nonce` on its scripts. */
export function pageSecurityHeaders(request: RequestFacts & { nonce: string }): SecurityHeaders {
  return { ...securityHeaders(request), "Content-Security-Policy": pageContentSecurityPolicy(request) };
}

/** 128 random bits, base64: unguessable and fresh for every page. */
/** Pages are every path but the API, Next's own files and public files (which have an extension). */
export function servesPage(pathname: string): boolean {
  if (pathname.startsWith("/api/") || pathname.startsWith("/_next/")) return false;
  return !pathname.slice(pathname.lastIndexOf("/") + 1).includes(".");
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

function pageContentSecurityPolicy({ nonce, headers }: RequestFacts & { nonce: string }): string {
  const development = env.NODE_ENV === "development";
  const directives = [
    "default-src 'self'",
    // React's development build evaluates code for its debugging aids.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Tailwind is a compiled stylesheet. Next's development overlay injects <style> without a nonce (a nonce would disable 'unsafe-inline').
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // Server-rendered style="" attributes (bar widths, avatar colours, charts). Attributes cannot load or run anything.
    "style-src-attr 'unsafe-inline'",
    // Product pictures may be any https:// URL staff enter (server/shop/admin-products/product-fields.ts); previews are blob:.
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    // hls.js and the map draw from blob: URLs and workers.
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    `connect-src ${["'self'", realtimeSource(headers), ...mapSources()].join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isSecureRequest(headers) ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The WebSocket origin this page's pusher-js will open, exactly as /api/realtime/config tells it. */
function realtimeSource(headers: Pick<Headers, "get">): string {
  const config = clientConfigFor(realtimeSettingsFromEnv(), requestHostname(headers.get("host")));
  if (!config.wsHost) return `wss://ws-${config.cluster}.pusher.com`;
  return `${config.forceTLS ? "wss" : "ws"}://${config.wsHost}:${config.forceTLS ? config.wssPort : config.wsPort}`;
}

/** The Rides map reaches Mapbox only when a token is set; the offline basemap is served from 'self'. */
function mapSources(): string[] {
  return mapSettings().provider === "mapbox" ? MAPBOX_CONNECT_SOURCES : [];
}

function requestHostname(host: string | null): string | undefined {
  if (!host) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined; // a malformed Host header: the configured gateway host it is
  }
}

/** /rides and its pages (rider and driver) locate the user; nothing else may ask. */
function needsGeolocation(pathname: string): boolean {
  return pathname === "/rides" || pathname.startsWith("/rides/");
}

/** Served over TLS: the configured public URL is https, or a trusted proxy says the browser used https. */
function isSecureRequest(headers: Pick<Headers, "get">): boolean {
  if (appUrl.startsWith("https:")) return true;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https" && cameThroughTrustedProxy(headers);
}
