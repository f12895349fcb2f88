import { AppError, errorBody, toAppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { logger } from "@/server/platform/logger";
import { authorizeChannel } from "@/server/platform/realtime";
import { json, type Answer } from "@/server/web/answer";
import type { WebRequest } from "@/server/web/request";
import { readAuthForm, readSocketId } from "./auth-form";
import { canSubscribeToChannel } from "./channel-rules";

/** A socket id and a channel name fit in far less; anything bigger is not pusher-js. */
export const CHANNEL_AUTH_MAX_BODY_BYTES = 4 * 1024;

/**
 * POST /api/realtime/auth: pusher-js asks here before subscribing to a private
 * or presence channel (form-encoded `socket_id` + `channel_name`, or JSON).
 * The session decides; channel families are checked by the rules composed in
 * server/realtime/channel-rules.ts, and anything not listed there is refused
 * with 403 (every refusal but 413/415 is a 403, as pusher-js expects).
 *
 * A row of the route table (server/web/routes.ts), answered before Next when
 * self-hosted: after a gateway restart every client re-subscribes at once, and
 * measured on bench:chat, 1,420 of these through Next's router took the web
 * process long enough that some timed out and their channels stayed
 * unsubscribed (pusher-js does not retry).
 */
export async function channelAuthRoute(request: WebRequest): Promise<Answer> {
  try {
    const bodyText = (await request.readBody(CHANNEL_AUTH_MAX_BODY_BYTES)).toString("utf8");
    const { socketId, channel } = readAuthRequest(request.header("content-type") ?? "", bodyText);
    const user = await getSessionUser(request.headers);
    if (!user) throw new AppError("FORBIDDEN", "Sign in to subscribe to this channel.");
    if (!(await canSubscribeToChannel(user, channel))) throw new AppError("FORBIDDEN", "You may not subscribe to this channel.");
    const authorization = authorizeChannel({
      socketId,
      channel,
      user: { id: user.id, info: { name: user.name, image: user.image } },
    });
    return json(200, authorization);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error({ err: error }, "channel authorization failed");
    const status = appError.code === "UNAUTHORIZED" ? 403 : appError.httpStatus;
    return json(status, errorBody(appError));
  }
}

const CHANNEL_NAME = /^[A-Za-z0-9_\-=@,.;]{1,200}$/;

function readAuthRequest(contentType: string, text: string): { socketId: string; channel: string } {
  const fields = readAuthForm(contentType, text);
  const channel = fields.channel_name;
  if (typeof channel !== "string" || !CHANNEL_NAME.test(channel)) throw new AppError("BAD_REQUEST", "Missing or invalid channel_name.");
  return { socketId: readSocketId(fields), channel };
}
