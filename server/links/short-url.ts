import { appUrl, env } from "@/server/env";
import { requestOrigin } from "@/server/web/request-origin";

const configuredBase = env.SHORT_LINK_BASE_URL?.replace(/\/+$/, "");

/** The configured origin of short links (SHORT_LINK_BASE_URL, else APP_URL), without a trailing slash: for callers without a request. */
export const shortLinkOrigin = configuredBase ?? appUrl.replace(/\/+$/, "");

/**
 * The origin of the short links shown to this request: SHORT_LINK_BASE_URL
 * when set (a short domain of its own), else the origin the browser used
 * (server/web/request-origin.ts: APP_URL when set, else the request's Host).
 */
export function shortLinkOriginFor(headers: Pick<Headers, "get">): string {
  return configuredBase ?? requestOrigin(headers);
}

export function shortUrlFor(code: string, origin: string = shortLinkOrigin): string {
  return `${origin}/${code}`;
}
