import { appUrl, env } from "@/server/env";
import { cameThroughTrustedProxy } from "@/server/platform/trusted-proxies";

/** A Host header we may build a URL on: a DNS name or IPv4 address, or a bracketed IPv6 one, with an optional port. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** APP_URL, or http://localhost:PORT when unset. */
const configuredOrigin = new URL(appUrl).origin;

/**
 * The origin the browser reached the app at, for every link the app builds for
 * the browser (payment page and return URLs, short URLs, share links), so a
 * user who opened http://127.0.0.1:3000 is never sent to localhost (signed out
 * there). The configured public URL (APP_URL) wins. Otherwise the Host header;
 * X-Forwarded-Host/-Proto only when the request came straight from one of
 * TRUSTED_PROXIES (a client can write them too). Without a trusted proxy the
 * scheme is http: the self-hosted listener speaks plain HTTP.
 */
export function requestOrigin(headers: Pick<Headers, "get">): string {
  if (env.APP_URL) return configuredOrigin;
  const trusted = cameThroughTrustedProxy(headers);
  const host = (trusted ? firstOf(headers.get("x-forwarded-host")) : undefined) ?? headers.get("host")?.trim();
  const forwardedProto = trusted ? firstOf(headers.get("x-forwarded-proto"))?.toLowerCase() : undefined;
  const proto = forwardedProto === "https" ? "https" : "http";
  if (!host || !HOST.test(host)) return configuredOrigin;
  return `${proto}://${host.toLowerCase()}`;
}

/** A proxy chain lists the client-facing value first. */
function firstOf(value: string | null): string | undefined {
  return value?.split(",")[0]?.trim() || undefined;
}
