import { appUrl, env } from "@/server/env";

/** The origin short links are served from (SHORT_LINK_BASE_URL, else APP_URL), without a trailing slash. */
export const shortLinkOrigin = (env.SHORT_LINK_BASE_URL ?? appUrl).replace(/\/+$/, "");

export function shortUrlFor(code: string): string {
  return `${shortLinkOrigin}/${code}`;
}
