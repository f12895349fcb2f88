import type { HookEndpointContext } from "better-auth";
import { APIError } from "better-auth/api";
import { sendWelcomeNotification } from "@/server/notifications/send-welcome-notification";
import { getSessionUser } from "@/server/platform/auth";
import { installAuthExtensions, type AuthExtensions } from "@/server/platform/better-auth";
import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { sendMail } from "@/server/platform/mail";
import { consume, rateLimitHeaders, requestClientIp, type RateLimitPolicyName } from "@/server/platform/ratelimit";
import { existingAccountMail, resetPasswordMail, verifyEmailMail } from "./account-mail";
import { isOwnAvatarUrl } from "./avatar-url";
import { beginLoginAttempt, endSuccessfulLogin } from "./limit-login-attempts";
import { checkNewPassword } from "./password-policy";
import { isValidUsername, normalizeUsername } from "./username";

const log = logger.child({ module: "accounts" });

/** Sign-in endpoints the login limiter guards (email or username + password). */
const SIGN_IN_PATHS = new Set(["/sign-in/email", "/sign-in/username"]);

/** Endpoints that set a new password, and the body field that carries it. */
const NEW_PASSWORD_FIELDS: Record<string, string> = {
  "/sign-up/email": "password",
  "/reset-password": "newPassword",
  "/change-password": "newPassword",
  "/set-password": "newPassword",
};

/** Endpoints limited per client address (only when called over HTTP: our own server-side calls are trusted). */
const PER_IP_LIMITS: Record<string, { policy: RateLimitPolicyName; message: string }> = {
  "/sign-up/email": { policy: "signup-ip", message: "Too many new accounts from your network. Please try again later." },
  "/is-username-available": { policy: "username-check", message: "Too many username checks. Please wait a minute and try again." },
  "/request-password-reset": { policy: "account-mail", message: "Too many emails requested from your network. Please try again later." },
  "/send-verification-email": { policy: "account-mail", message: "Too many emails requested from your network. Please try again later." },
  "/change-email": { policy: "account-mail", message: "Too many emails requested from your network. Please try again later." },
};

/**
 * The accounts' rules on better-auth's endpoints: rate limits, the password
 * policy, avatars only from our own uploads, the welcome notification and the
 * recovery mails. Installed into server/platform/better-auth.ts by each entry point.
 */
export const accountAuthExtensions: AuthExtensions = {
  before: async (ctx) => {
    const path = ctx.path ?? "";
    const body = readBody(ctx.body);
    if (SIGN_IN_PATHS.has(path)) await limitSignIn(ctx, body);
    const perIp = PER_IP_LIMITS[path];
    if (perIp && ctx.request) await limitPerIp(ctx, perIp.policy, perIp.message);
    const passwordField = NEW_PASSWORD_FIELDS[path];
    if (passwordField) refuseWeakPassword(body[passwordField]);
    if (path === "/sign-up/email" || path === "/update-user") await refuseForeignImage(ctx, body);
  },
  after: async (ctx) => {
    if (!SIGN_IN_PATHS.has(ctx.path ?? "")) return;
    const userId = signedInUserId(ctx.context.returned);
    if (!userId) return;
    await endSuccessfulLogin({ userId, ip: clientIpOf(ctx) }).catch((error: unknown) => {
      // The budgets then simply run out at the end of their windows; the sign-in itself succeeded.
      log.warn({ err: error }, "could not record the successful sign-in");
    });
  },
  // The welcome notification travels the whole path: queue → worker → Postgres → gateway → bell.
  onUserCreated: async (user) => {
    await sendWelcomeNotification(user.id).catch((error: unknown) =>
      log.warn({ err: error, userId: user.id }, "could not queue the welcome notification"),
    );
  },
  sendResetPassword: ({ user, url }) => deliver(resetPasswordMail(user, url)),
  sendVerificationEmail: ({ user, url }) => deliver(verifyEmailMail(user, url)),
  sendExistingAccountNotice: (user) => deliver(existingAccountMail(user)),
  username: { normalize: normalizeUsername, isValid: isValidUsername },
};

/** For entry points and test kits: idempotent. */
export function installAccountAuthExtensions(): void {
  installAuthExtensions(accountAuthExtensions);
}

async function deliver(message: Parameters<typeof sendMail>[1]): Promise<void> {
  // Runs after the answer was sent (better-auth's background tasks): a failure can only be logged.
  await sendMail(db, message).catch((error: unknown) => log.error({ err: error, subject: message.subject }, "could not send mail"));
}

async function limitSignIn(ctx: HookEndpointContext, body: Record<string, unknown>): Promise<void> {
  const identifier = typeof body.email === "string" ? body.email : typeof body.username === "string" ? body.username : "";
  const attempt = await beginLoginAttempt({ db, ip: clientIpOf(ctx), identifier }).catch((error: unknown) => {
    log.error({ err: error }, "login limiter unavailable");
    throw new APIError("SERVICE_UNAVAILABLE", { message: "Signing in is briefly unavailable. Please try again shortly." });
  });
  for (const [name, value] of Object.entries(attempt.headers)) ctx.setHeader?.(name, value);
  // The form shows this message as is, next to the submit button.
  if (!attempt.allowed) {
    throw new APIError(
      "TOO_MANY_REQUESTS",
      { code: "LOGIN_RATE_LIMITED", message: attempt.message, retryAfterSeconds: attempt.retryAfterSeconds },
      attempt.headers,
    );
  }
}

async function limitPerIp(ctx: HookEndpointContext, policy: RateLimitPolicyName, message: string): Promise<void> {
  const result = await consume(policy, clientIpOf(ctx)).catch((error: unknown) => {
    log.error({ err: error, policy }, "rate limiter unavailable");
    throw new APIError("SERVICE_UNAVAILABLE", { message: "This is briefly unavailable. Please try again shortly." });
  });
  const headers = rateLimitHeaders(result);
  for (const [name, value] of Object.entries(headers)) ctx.setHeader?.(name, value);
  if (!result.allowed) throw new APIError("TOO_MANY_REQUESTS", { code: "RATE_LIMITED", message }, headers);
}

function refuseWeakPassword(password: unknown): void {
  if (typeof password !== "string") return; // better-auth's own validation answers a missing password
  const problem = checkNewPassword(password);
  if (problem) throw new APIError("BAD_REQUEST", { code: problem.code, message: problem.message });
}

/** At sign-up nobody has uploaded anything yet; on update only the person's own uploaded avatar (or none). */
async function refuseForeignImage(ctx: HookEndpointContext, body: Record<string, unknown>): Promise<void> {
  const image = body.image;
  if (image === undefined || image === null || image === "") return;
  const user = ctx.path === "/update-user" && ctx.headers ? await getSessionUser(ctx.headers) : null;
  if (typeof image === "string" && user && isOwnAvatarUrl(user.id, image)) return;
  throw new APIError("BAD_REQUEST", { code: "INVALID_IMAGE", message: "Upload your picture in the profile settings; other image addresses are not accepted." });
}

function clientIpOf(ctx: HookEndpointContext): string {
  return requestClientIp(ctx.headers ?? ctx.request?.headers ?? new Headers());
}

function readBody(body: unknown): Record<string, unknown> {
  return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
}

function signedInUserId(returned: unknown): string | undefined {
  if (!returned || typeof returned !== "object" || returned instanceof Error) return undefined;
  const user = (returned as { user?: { id?: unknown } }).user;
  return typeof user?.id === "string" ? user.id : undefined;
}
