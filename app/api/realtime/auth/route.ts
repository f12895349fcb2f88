import { errorBody, toAppError } from "@/server/errors";
import { readUploadBody } from "@/server/platform/read-upload-body";
import { answerChannelAuth, CHANNEL_AUTH_MAX_BODY_BYTES } from "@/server/realtime/channel-auth-route";
import { bodyTooLarge } from "@/server/realtime/node-request";

export const dynamic = "force-dynamic";

/**
 * pusher-js asks here before subscribing to a private or presence channel
 * (rules in server/realtime/channel-auth-route.ts). Self-hosted,
 * server/web/main.ts answers it before Next with the same function.
 */
export async function POST(request: Request): Promise<Response> {
  const headers = { "Cache-Control": "no-store" };
  let bodyText: string;
  try {
    bodyText = (await readUploadBody(request, CHANNEL_AUTH_MAX_BODY_BYTES, () => bodyTooLarge(CHANNEL_AUTH_MAX_BODY_BYTES))).toString("utf8");
  } catch (error) {
    const appError = toAppError(error);
    return Response.json(errorBody(appError), { status: appError.httpStatus, headers });
  }
  const answer = await answerChannelAuth({ headers: request.headers, bodyText });
  return Response.json(answer.body, { status: answer.status, headers });
}
