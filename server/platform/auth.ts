import { createHmac, timingSafeEqual } from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { username } from "better-auth/plugins/username";
import { USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH, isValidUsername, normalizeUsername } from "@/server/accounts/username";
import { beginLoginAttempt, resetLoginAttempts } from "@/server/accounts/limit-login-attempts";
import { appUrl, env } from "@/server/env";
import { sendWelcomeNotification } from "@/server/notifications/send-welcome-notification";
import { BatchWhileBusy } from "./batch-while-busy";
import { db } from "./db";
import { logger } from "./logger";
import { requestClientIp } from "./ratelimit";

const authLog = logger.child({ module: "auth" });

/** Sessions last 30 days and slide forward at most once a day (better-auth's expiresIn / updateAge). */
const SESSION_EXPIRES_IN_SECONDS = 60 * 60 * 24 * 30;
const SESSION_UPDATE_AGE_SECONDS = 60 * 60 * 24;

/** Sign-in endpoints the login limiter guards (email or username + password). */
const SIGN_IN_PATHS = new Set(["/sign-in/email", "/sign-in/username"]);

/**
 * Email + password and username + password accounts with cookie sessions
 * stored in Postgres (better-auth + its Prisma adapter).
 *
 * better-auth's own rate limiter is off: it keys by IP and path only and keeps
 * its counters in process memory by default. Sign-in is limited by our hooks
 * instead, per IP and per account, in Redis (server/accounts/limit-login-attempts.ts).
 */
export const auth = betterAuth({
  secret: env.AUTH_SECRET,
  baseURL: appUrl,
  trustedOrigins: [appUrl, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`],
  database: prismaAdapter(db, { provider: "postgresql" }),
  emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
  user: { additionalFields: { role: { type: "string", input: false, defaultValue: "user" } } },
  session: { expiresIn: SESSION_EXPIRES_IN_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
  rateLimit: { enabled: false },
  databaseHooks: {
    user: {
      create: {
        // The welcome notification travels the whole path: queue → worker → Postgres → gateway → bell.
        after: async (user) => {
          await sendWelcomeNotification(user.id).catch((error: unknown) =>
            authLog.warn({ err: error, userId: user.id }, "could not queue the welcome notification"),
          );
        },
      },
    },
  },
  // better-auth's messages go to our structured log (and honour LOG_LEVEL).
  logger: {
    level: "debug",
    log: (level, message, ...args) => authLog[level](args.length > 0 ? { args: args.map(describeLogArg) } : {}, message),
  },
  advanced: {
    ipAddress: {
      ipAddressHeaders: ["x-forwarded-for"],
      ...(env.TRUSTED_PROXIES.length > 0 ? { trustedProxies: env.TRUSTED_PROXIES } : {}),
    },
  },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      if (!SIGN_IN_PATHS.has(ctx.path)) return;
      const attempt = await beginLoginAttempt({
        db,
        ip: requestClientIp(ctx.headers ?? ctx.request?.headers ?? new Headers()),
        identifier: readIdentifier(ctx.body),
      }).catch((error: unknown) => {
        logger.error({ err: error }, "login limiter unavailable");
        throw new APIError("SERVICE_UNAVAILABLE", { message: "Signing in is briefly unavailable. Please try again shortly." });
      });
      for (const [name, value] of Object.entries(attempt.headers)) ctx.setHeader(name, value);
      // The form shows this message as is, next to the submit button.
      if (!attempt.allowed) {
        throw new APIError(
          "TOO_MANY_REQUESTS",
          { code: "LOGIN_RATE_LIMITED", message: attempt.message, retryAfterSeconds: attempt.retryAfterSeconds },
          attempt.headers,
        );
      }
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (!SIGN_IN_PATHS.has(ctx.path)) return;
      // A successful sign-in clears the account's failure budget; failures keep the point they consumed.
      const userId = signedInUserId(ctx.context.returned);
      if (!userId) return;
      await resetLoginAttempts(userId).catch((error: unknown) => {
        // The budget then simply runs out at the end of its window; the sign-in itself succeeded.
        logger.warn({ err: error }, "could not reset the account's login attempts");
      });
    }),
  },
  plugins: [
    username({
      minUsernameLength: USERNAME_MIN_LENGTH,
      maxUsernameLength: USERNAME_MAX_LENGTH,
      usernameNormalization: normalizeUsername,
      // "Alice_1" is accepted and stored as "alice_1" (the typed form is kept as displayUsername).
      validationOrder: { username: "post-normalization" },
      usernameValidator: isValidUsername,
    }),
    // Must stay last: lets server actions set auth cookies.
    nextCookies(),
  ],
});

function describeLogArg(arg: unknown): unknown {
  return arg instanceof Error ? { name: arg.name, message: arg.message } : arg;
}

function readIdentifier(body: unknown): string {
  if (!body || typeof body !== "object") return "";
  const record = body as Record<string, unknown>;
  const value = record.email ?? record.username;
  return typeof value === "string" ? value : "";
}

function signedInUserId(returned: unknown): string | undefined {
  if (!returned || typeof returned !== "object" || returned instanceof Error) return undefined;
  const user = (returned as { user?: { id?: unknown } }).user;
  return typeof user?.id === "string" ? user.id : undefined;
}

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
  const { authCookies } = await auth.$context;
  const value = readCookie(cookieHeader, authCookies.sessionToken.name);
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
