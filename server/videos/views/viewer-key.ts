import { randomBytes } from "node:crypto";
import { appUrl } from "@/server/env";
import { requestClientIp } from "@/server/platform/ratelimit";
import { readCookie } from "@/server/platform/cookies";

/** The httpOnly cookie that tells one signed-out browser from another for view counting (128 random bits). */
export const VIEWER_COOKIE = "cb_viewer";
const VIEWER_TOKEN = /^[A-Za-z0-9_-]{22}$/;
/** A year: long enough that a returning browser is the same viewer. */
const COOKIE_SECONDS = 365 * 24 * 3600;

/**
 * Who a view is counted for. Signed in: the user. Signed out with a viewer
 * cookie: that cookie. Signed out without one (a first visit, or a client that
 * drops cookies): the client's address, and a new cookie is issued; `alsoSeen`
 * names the new cookie so its next view of the same video is not counted again.
 */
export type ViewerKeys = { key: string; alsoSeen: string[] };

export function viewerKeys({ userId, headers, resHeaders }: { userId: string | null; headers: Headers; resHeaders?: Headers }): ViewerKeys {
  if (userId) return { key: `user:${userId}`, alsoSeen: [] };
  const token = readCookie(headers.get("cookie"), VIEWER_COOKIE);
  if (token && VIEWER_TOKEN.test(token)) return { key: `cookie:${token}`, alsoSeen: [] };
  const issued = randomBytes(16).toString("base64url");
  const secure = appUrl.startsWith("https:") ? "; Secure" : "";
  resHeaders?.append("set-cookie", `${VIEWER_COOKIE}=${issued}; Path=/; Max-Age=${COOKIE_SECONDS}; HttpOnly; SameSite=Lax${secure}`);
  return { key: `ip:${requestClientIp(headers)}`, alsoSeen: [`cookie:${issued}`] };
}
