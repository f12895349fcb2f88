import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { username } from "better-auth/plugins/username";
import { USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH, isValidUsername, normalizeUsername } from "@/server/accounts/username";
import { beginLoginAttempt, resetLoginAttempts } from "@/server/accounts/limit-login-attempts";
import { appUrl, env } from "@/server/env";
import { sendWelcomeNotification } from "@/server/notifications/send-welcome-notification";
import { db } from "./db";
import { logger } from "./logger";
import { requestClientIp } from "./ratelimit";

const authLog = logger.child({ module: "auth" });

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
  session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
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

export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { id, name, email, image, role } = session.user;
  return {
    id,
    name,
    email,
    username: session.user.username ?? null,
    image: image ?? null,
    role: typeof role === "string" ? role : "user",
  };
}
