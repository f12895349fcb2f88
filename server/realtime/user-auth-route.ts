import { AppError, errorBody, toAppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { logger } from "@/server/platform/logger";
import { authenticateRealtimeUser } from "@/server/platform/realtime";
import { json, type Answer } from "@/server/web/answer";
import type { WebRequest } from "@/server/web/request";
import { readAuthForm, readSocketId } from "./auth-form";

/** A socket id fits in far less; anything bigger is not pusher-js. */
const USER_AUTH_MAX_BODY_BYTES = 4 * 1024;

/**
 * POST /api/realtime/user-auth: pusher-js's signin() asks here once per
 * connection. The signature binds the socket to the session's user and no one
 * else's, so the server can later close that user's connections
 * (terminateUserConnections), e.g. when they are removed from a conversation:
 * their open subscription is dropped and refused on the way back. Without a
 * session: 403, and the socket stays anonymous. A row of server/web/routes.ts.
 */
export async function userAuthRoute(request: WebRequest): Promise<Answer> {
  try {
    const bodyText = (await request.readBody(USER_AUTH_MAX_BODY_BYTES)).toString("utf8");
    const socketId = readSocketId(readAuthForm(request.header("content-type") ?? "", bodyText));
    const user = await getSessionUser(request.headers);
    if (!user) throw new AppError("FORBIDDEN", "Sign in to receive live updates.");
    return json(200, authenticateRealtimeUser({ socketId, userId: user.id }));
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error({ err: error }, "realtime user authentication failed");
    // pusher-js expects a 403 for any refusal it should not retry.
    const status = appError.code === "UNAUTHORIZED" ? 403 : appError.httpStatus;
    return json(status, errorBody(appError));
  }
}
