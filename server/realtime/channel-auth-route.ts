import { AppError, errorBody, toAppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { canSubscribe } from "@/server/platform/channel-access";
import { logger } from "@/server/platform/logger";
import { authorizeChannel } from "@/server/platform/realtime";

/** A socket id and a channel name fit in far less; anything bigger is not pusher-js. */
export const CHANNEL_AUTH_MAX_BODY_BYTES = 4 * 1024;

export type AuthAnswer = { status: number; body: unknown };

/**
 * POST /api/realtime/auth: pusher-js asks here before subscribing to a private
 * or presence channel (form-encoded `socket_id` + `channel_name`, or JSON).
 * The session decides; channel families are checked in
 * server/platform/channel-access.ts, and anything not listed there is refused
 * with 403 (every refusal is a 403, as pusher-js expects).
 *
 * A plain function of headers and body text, so the Next route
 * (app/api/realtime/auth/route.ts) and the self-hosted fast path
 * (server/realtime/fast-path.ts) run the same code. After a gateway restart
 * every client re-subscribes at once: measured on bench:chat, 1,420 of these
 * through Next's router took the web process long enough that some timed out
 * and their channels stayed unsubscribed (pusher-js does not retry).
 */
export async function answerChannelAuth({ headers, bodyText }: { headers: Headers; bodyText: string }): Promise<AuthAnswer> {
  try {
    const { socketId, channel } = readAuthRequest(headers.get("content-type") ?? "", bodyText);
    const user = await getSessionUser(headers);
    if (!user) throw new AppError("FORBIDDEN", "Sign in to subscribe to this channel.");
    if (!(await canSubscribe(user, channel))) throw new AppError("FORBIDDEN", "You may not subscribe to this channel.");
    const authorization = authorizeChannel({
      socketId,
      channel,
      user: { id: user.id, info: { name: user.name, image: user.image } },
    });
    return { status: 200, body: authorization };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error({ err: error }, "channel authorization failed");
    const status = appError.code === "UNAUTHORIZED" ? 403 : appError.httpStatus;
    return { status, body: errorBody(appError) };
  }
}

const SOCKET_ID = /^\d+\.\d+$/;
const CHANNEL_NAME = /^[A-Za-z0-9_\-=@,.;]{1,200}$/;

function readAuthRequest(contentType: string, text: string): { socketId: string; channel: string } {
  let socketId: unknown;
  let channel: unknown;
  if (contentType.includes("application/json")) {
    const body = parseJson(text);
    if (body && typeof body === "object") ({ socket_id: socketId, channel_name: channel } = body as Record<string, unknown>);
  } else {
    const form = new URLSearchParams(text);
    socketId = form.get("socket_id");
    channel = form.get("channel_name");
  }
  if (typeof socketId !== "string" || !SOCKET_ID.test(socketId)) throw new AppError("BAD_REQUEST", "Missing or invalid socket_id.");
  if (typeof channel !== "string" || !CHANNEL_NAME.test(channel)) throw new AppError("BAD_REQUEST", "Missing or invalid channel_name.");
  return { socketId, channel };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
