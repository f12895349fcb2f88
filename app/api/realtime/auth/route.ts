import { AppError, errorBody, toAppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { canSubscribe } from "@/server/platform/channel-access";
import { logger } from "@/server/platform/logger";
import { authorizeChannel } from "@/server/platform/realtime";

export const dynamic = "force-dynamic";

/**
 * pusher-js asks here before subscribing to a private or presence channel
 * (form-encoded `socket_id` + `channel_name`). The session decides; channel
 * families are checked in server/platform/channel-access.ts, and anything
 * not listed there is refused with 403.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const { socketId, channel } = await readAuthRequest(request);
    const user = await getSessionUser(request.headers);
    if (!user) throw new AppError("FORBIDDEN", "Sign in to subscribe to this channel.");
    if (!(await canSubscribe(user, channel))) throw new AppError("FORBIDDEN", "You may not subscribe to this channel.");
    const authorization = authorizeChannel({
      socketId,
      channel,
      user: { id: user.id, info: { name: user.name, image: user.image } },
    });
    return Response.json(authorization, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error({ err: error }, "channel authorization failed");
    // Every refusal is a 403, whatever the reason, as pusher-js expects.
    const status = appError.code === "UNAUTHORIZED" ? 403 : appError.httpStatus;
    return Response.json(errorBody(appError), { status, headers: { "Cache-Control": "no-store" } });
  }
}

const SOCKET_ID = /^\d+\.\d+$/;
const CHANNEL_NAME = /^[A-Za-z0-9_\-=@,.;]{1,200}$/;

async function readAuthRequest(request: Request): Promise<{ socketId: string; channel: string }> {
  const contentType = request.headers.get("content-type") ?? "";
  let socketId: unknown;
  let channel: unknown;
  if (contentType.includes("application/json")) {
    const body: unknown = await request.json().catch(() => null);
    if (body && typeof body === "object") ({ socket_id: socketId, channel_name: channel } = body as Record<string, unknown>);
  } else {
    const form = new URLSearchParams(await request.text());
    socketId = form.get("socket_id");
    channel = form.get("channel_name");
  }
  if (typeof socketId !== "string" || !SOCKET_ID.test(socketId)) throw new AppError("BAD_REQUEST", "Missing or invalid socket_id.");
  if (typeof channel !== "string" || !CHANNEL_NAME.test(channel)) throw new AppError("BAD_REQUEST", "Missing or invalid channel_name.");
  return { socketId, channel };
}
