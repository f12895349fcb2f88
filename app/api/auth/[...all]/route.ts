import { toNextJsHandler } from "better-auth/next-js";
import { installAccountAuthExtensions } from "@/server/accounts/auth-hooks";
import { auth } from "@/server/platform/better-auth";
import { withCappedBody } from "@/server/web/capped-request";

// The platform's better-auth knows no system: the accounts' rules are composed in here, at the entry point.
installAccountAuthExtensions();

/** No sign-up, sign-in or profile form comes near this: past it, 413 before better-auth parses anything. */
const AUTH_MAX_BODY_BYTES = 64 * 1024;

/**
 * better-auth's endpoints: sign-up, sign-in (email or username), sign-out,
 * session, password reset, email verification. It checks the Origin of state
 * changes itself (trustedOrigins in server/platform/better-auth.ts), so the route
 * table's guard is not repeated here.
 */
const handlers = toNextJsHandler(auth);
export const GET = handlers.GET;
export const POST = withCappedBody(AUTH_MAX_BODY_BYTES, handlers.POST);
