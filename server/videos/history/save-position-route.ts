import { AppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { json, parseJsonObject, type Answer } from "@/server/web/answer";
import type { BodyTypes } from "@/server/web/content-types";
import { invalidInput } from "@/server/web/invalid-input";
import type { WebRequest } from "@/server/web/request";
import { SaveWatchPositionInput, saveWatchPosition } from "./save-watch-position";

/** `{"positionSeconds":86399.999}` is 32 bytes; anything near this is not a position. */
export const POSITION_MAX_REQUEST_BYTES = 256;

/**
 * navigator.sendBeacon sends a string as text/plain (Chromium refuses a Blob
 * of type application/json in a beacon), so this route takes text/plain JSON
 * too. That type is one a page on another site can post without a preflight:
 * the request guard stops those by their Origin, which browsers send with a beacon.
 */
export const BEACON_BODY: BodyTypes = { accepts: (type) => type === "text/plain" || type === "application/json", description: "text/plain or application/json" };

/**
 * POST /api/videos/<id>/position `{ positionSeconds }`: where the player was
 * when the viewer left (the tab closed, hidden, or another page opened),
 * sent with navigator.sendBeacon, which survives the page going away where
 * a tRPC call may not. The same operation as videos.history.savePosition:
 * the watch rule applies (a private video is NOT_FOUND to others).
 * 200 `{ saved }` (false while the viewer's history is paused).
 */
export async function savePositionRoute(request: WebRequest): Promise<Answer> {
  const user = await getSessionUser(request.headers);
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to keep your place in videos.");
  const body = parseJsonObject(await request.readBody(POSITION_MAX_REQUEST_BYTES));
  // The video is the one in the path, whatever the body says.
  const input = SaveWatchPositionInput.safeParse({ ...body, videoId: request.params.videoId ?? "" });
  if (!input.success) throw invalidInput(input.error);
  return json(200, await saveWatchPosition({ db, userId: user.id, input: input.data }));
}
