import { AppError, errorBody, toAppError } from "@/server/errors";
import { getSessionUser } from "./auth";
import { logger } from "./logger";
import { authenticateRealtimeUser } from "./realtime";

/** A socket id fits in far less; anything bigger is not pusher-js. */
export const USER_AUTH_MAX_BODY_BYTES = 4 * 1024;

const SOCKET_ID = /^\d+\.\d+$/;

/**
 * POST /api/realtime/user-auth: pusher-js's signin() asks here once per
 * connection (form-encoded `socket_id`). The signature binds the socket to
 * the session's user and no one else's, so the server can later close that
 * user's connections (terminateUserConnections) — e.g. when they are removed
 * from a conversation, so their open subscription is dropped and refused on
 * the way back. Without a session: 403, and the socket stays anonymous.
 */
export async function answerUserAuth({ headers, bodyText }: { headers: Headers; bodyText: string }): Promise<{ status: number; body: unknown }> {
  try {
    const socketId = readSocketId(headers.get("content-type") ?? "", bodyText);
    const user = await getSessionUser(headers);
    if (!user) throw new AppError("FORBIDDEN", "Sign in to receive live updates.");
    return { status: 200, body: authenticateRealtimeUser({ socketId, userId: user.id }) };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error({ err: error }, "realtime user authentication failed");
    return { status: appError.httpStatus, body: errorBody(appError) };
  }
}

function readSocketId(contentType: string, text: string): string {
  let socketId: unknown;
  if (contentType.includes("application/json")) {
    try {
      socketId = (JSON.parse(text) as Record<string, unknown> | null)?.socket_id;
    } catch {
      socketId = undefined;
    }
  } else {
    socketId = new URLSearchParams(text).get("socket_id");
  }
  if (typeof socketId !== "string" || !SOCKET_ID.test(socketId)) throw new AppError("BAD_REQUEST", "Missing or invalid socket_id.");
  return socketId;
}
