import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { appUrl, env } from "@/server/env";
import { BatchWhileBusy } from "./batch-while-busy";
import { db } from "./db";

/** Sessions last 30 days and slide forward at most once a day (better-auth's expiresIn / updateAge). */
export const SESSION_EXPIRES_IN_SECONDS = 60 * 60 * 24 * 30;
export const SESSION_UPDATE_AGE_SECONDS = 60 * 60 * 24;

/**
 * better-auth's session cookie as it names it for our settings (a `__Secure-`
 * prefix when the app is served over https; auth.test.ts checks it against
 * better-auth's own): the common case reads it without loading better-auth,
 * whose modules take seconds to load on a busy machine and would delay every
 * (re)start of the web process (server/platform/better-auth.ts).
 */
export const SESSION_COOKIE_NAME = `${appUrl.startsWith("https://") ? "__Secure-" : ""}better-auth.session_token`;

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  username: string | null;
  image: string | null;
  role: string;
};

/**
 * The signed-in user of a request, or null.
 *
 * Every request checks the session row in Postgres (so signing out, revoking
 * a session or editing a profile takes effect on the next request, on every
 * instance), but the common case skips better-auth's endpoint pipeline, which
 * cost ~4 ms of CPU per call here (measured for bench:chat, where it was the
 * largest cost of `chat.send`): the cookie's HMAC is checked with node:crypto
 * exactly as better-call signs it, and one statement reads session and user
 * (the lookups of concurrent requests share one: BatchWhileBusy).
 * Anything else (no or bad cookie, unknown or expired session, a session due
 * for its daily refresh) goes through `auth.api.getSession`, unchanged.
 */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const token = await verifiedSessionToken(headers);
  if (token) {
    const row = await sessionLookups.submit(token);
    if (row && row.expiresAt.getTime() > Date.now() && !refreshDue(row.expiresAt)) return toSessionUser(row);
  }
  const { auth } = await import("./better-auth");
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  return toSessionUser({ ...session.user, username: session.user.username ?? null, image: session.user.image ?? null });
}

type SessionRow = Omit<SessionUser, "role"> & { role: string; expiresAt: Date };

/** Reads the sessions (with their users) of many tokens in one statement: Prisma would read each user with a second round trip. */
const sessionLookups = new BatchWhileBusy<string, SessionRow | undefined>({
  maxBatch: 100,
  run: async (tokens) => {
    const rows = await db.$queryRaw<Array<SessionRow & { token: string }>>`
      SELECT s."token", s."expiresAt", u."id", u."name", u."email", u."username", u."image", u."role"::text AS "role"
        FROM "session" s JOIN "user" u ON u."id" = s."userId"
       WHERE s."token" = ANY(${tokens}::text[])`;
    const byToken = new Map(rows.map(({ token, ...row }) => [token, row]));
    return tokens.map((token) => byToken.get(token));
  },
});

function toSessionUser(user: { id: string; name: string; email: string; username: string | null; image: string | null; role: unknown }): SessionUser {
  const { id, name, email, username, image, role } = user;
  return { id, name, email, username, image, role: typeof role === "string" ? role : "user" };
}

/** better-auth extends a session once it is older than updateAge; leave that (and its cookie) to better-auth. */
function refreshDue(expiresAt: Date): boolean {
  return expiresAt.getTime() - SESSION_EXPIRES_IN_SECONDS * 1000 + SESSION_UPDATE_AGE_SECONDS * 1000 <= Date.now();
}

/** The session token in the request's cookie when its signature is valid (better-call's `<token>.<base64 HMAC-SHA256>`). */
async function verifiedSessionToken(headers: Headers): Promise<string | undefined> {
  const cookieHeader = headers.get("cookie");
  if (!cookieHeader) return undefined;
  const value = readCookie(cookieHeader, SESSION_COOKIE_NAME);
  if (!value) return undefined;
  const dot = value.lastIndexOf(".");
  if (dot < 1) return undefined;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return undefined;
  const expected = createHmac("sha256", env.AUTH_SECRET).update(token).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : undefined;
}

/** The first cookie of that name, URI-decoded, as better-call's parseCookies reads it. */
function readCookie(header: string, name: string): string | undefined {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}
