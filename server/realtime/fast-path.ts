import type { IncomingMessage, ServerResponse } from "node:http";
import { toAppError, errorBody } from "@/server/errors";
import { answerChannelAuth, CHANNEL_AUTH_MAX_BODY_BYTES } from "./channel-auth-route";
import { headersOf, readNodeBody, sendJson } from "./node-request";

/**
 * What the self-hosted web process (server/web/main.ts) answers of realtime
 * before Next: POST /api/realtime/auth, which every client calls once per
 * channel, all at once after a gateway restart. Resolves false, having
 * written nothing, for every other request.
 */
export async function answerRealtimeBeforeNext(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (request.method !== "POST" || (request.url !== "/api/realtime/auth" && !request.url?.startsWith("/api/realtime/auth?"))) return false;
  let bodyText: string;
  try {
    bodyText = await readNodeBody(request, CHANNEL_AUTH_MAX_BODY_BYTES);
  } catch (error) {
    const appError = toAppError(error);
    sendJson(response, appError.httpStatus, errorBody(appError));
    return true;
  }
  const answer = await answerChannelAuth({ headers: headersOf(request, ["cookie", "content-type"]), bodyText });
  sendJson(response, answer.status, answer.body);
  return true;
}
