import "server-only";
import { waitUntil } from "@vercel/functions";
import { betterAuth, type HookEndpointContext } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { username } from "better-auth/plugins/username";
import { appUrl, env } from "@/server/env";
import { SESSION_EXPIRES_IN_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "./auth";
import { db } from "./db";
import { logger } from "./logger";

const authLog = logger.child({ module: "auth" });

/** A password-reset link works once, within an hour; a verification link within a day. */
const RESET_PASSWORD_TOKEN_SECONDS = 60 * 60;
const VERIFY_EMAIL_TOKEN_SECONDS = 60 * 60 * 24;

type MailedLink = { user: { id: string; email: string; name: string }; url: string };

/**
 * What the accounts capability adds to better-auth: its rules and side effects.
 * The platform knows no system, so these are installed at the entry points
 * (the auth route, test kits) through `installAuthExtensions`, from
 * server/accounts/auth-hooks.ts.
 */
export type AuthExtensions = {
  /** Before every auth endpoint; throw better-auth's APIError to refuse the request. */
  before: (ctx: HookEndpointContext) => Promise<void>;
  /** After every auth endpoint; `ctx.context.returned` holds its answer. */
  after: (ctx: HookEndpointContext) => Promise<void>;
  onUserCreated: (user: { id: string }) => Promise<void>;
  sendResetPassword: (link: MailedLink) => Promise<void>;
  /** Someone tried to sign up with the address of an existing account (only when verification is required: else sign-up says so). */
  sendExistingAccountNotice: (user: MailedLink["user"]) => Promise<void>;
  sendVerificationEmail: (link: MailedLink) => Promise<void>;
  username: { normalize: (name: string) => string; isValid: (normalized: string) => boolean };
};

let installed: AuthExtensions | undefined;

/** Called by every entry point that serves auth endpoints, before the first request. A later call replaces the earlier one (dev reloads). */
export function installAuthExtensions(extensions: AuthExtensions): void {
  installed = extensions;
}

/** Reading a session needs none of the extensions: pages and routes that only ask "who is this?" need not install them. */
const SESSION_READ_PATHS = new Set(["/get-session"]);

/** Refuses, loudly, to sign anyone up or in without the accounts' rules (rate limits, password policy). */
function extensions(path?: string): AuthExtensions | undefined {
  if (installed) return installed;
  if (path !== undefined && SESSION_READ_PATHS.has(path)) return undefined;
  throw new Error(`Auth extensions are not installed (auth path ${path ?? "?"}): call installAuthExtensions at the entry point.`);
}

function required(): AuthExtensions {
  return extensions() as AuthExtensions;
}

/**
 * Email + password and username + password accounts with cookie sessions
 * stored in Postgres (better-auth + its Prisma adapter), configured here once.
 *
 * better-auth's own rate limiter is off: it keys by IP and path only and keeps
 * its counters in process memory by default. The accounts' `before` hook
 * limits sign-in, sign-up and mail requests in Redis instead.
 */
export const auth = betterAuth({
  secret: env.AUTH_SECRET,
  baseURL: appUrl,
  trustedOrigins: [appUrl, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`],
  database: prismaAdapter(db, { provider: "postgresql" }),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: 8,
    maxPasswordLength: 128,
    sendResetPassword: ({ user, url }) => required().sendResetPassword({ user, url }),
    resetPasswordTokenExpiresIn: RESET_PASSWORD_TOKEN_SECONDS,
    revokeSessionsOnPasswordReset: true,
    // Required: sign-in waits for the confirmed address, and sign-up answers the same for a taken address as
    // for a new one (better-auth then returns a look-alike user and signs nobody in), so it reveals no account.
    // Not required (no SMTP server: nobody could read the mail): people use the app at once, a banner asks
    // them to verify, and sign-up does tell a taken address (limited per IP: SIGNUP_LIMIT_PER_IP).
    requireEmailVerification: env.REQUIRE_EMAIL_VERIFICATION,
    onExistingUserSignUp: ({ user }) => required().sendExistingAccountNotice(user),
  },
  emailVerification: {
    sendOnSignUp: true,
    // With verification required, signing in with the right password and no confirmed address mails a fresh link.
    sendOnSignIn: true,
    autoSignInAfterVerification: true,
    expiresIn: VERIFY_EMAIL_TOKEN_SECONDS,
    sendVerificationEmail: ({ user, url }) => required().sendVerificationEmail({ user, url }),
  },
  user: {
    additionalFields: { role: { type: "string", input: false, defaultValue: "user" } },
    // A new address takes effect when the link mailed to it is opened; an address that already has an
    // account gets no mail and the same answer, so the form reveals no account.
    changeEmail: { enabled: true },
  },
  session: { expiresIn: SESSION_EXPIRES_IN_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
  rateLimit: { enabled: false },
  databaseHooks: {
    user: { create: { after: (user) => required().onUserCreated(user) } },
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
    // Mail goes out after the answer: how long sending takes must not tell whether an address has an account.
    // On Vercel, waitUntil keeps the function alive until it is sent; elsewhere the process lives on anyway.
    backgroundTasks: { handler: waitUntil },
  },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      await extensions(ctx.path)?.before(ctx);
    }),
    after: createAuthMiddleware(async (ctx) => {
      await extensions(ctx.path)?.after(ctx);
    }),
  },
  plugins: [
    username({
      usernameNormalization: (name) => required().username.normalize(name),
      // The accounts' rules decide (length and characters); the plugin's own length bounds (3–30) are the same.
      validationOrder: { username: "post-normalization" },
      usernameValidator: (name) => required().username.isValid(name),
    }),
    // Must stay last: lets server actions set auth cookies.
    nextCookies(),
  ],
});

function describeLogArg(arg: unknown): unknown {
  return arg instanceof Error ? { name: arg.name, message: arg.message } : arg;
}

