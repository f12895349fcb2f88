import { AppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { serveObject } from "@/server/platform/serve-object";
import { storage } from "@/server/platform/storage";
import type { Answer } from "@/server/web/answer";
import type { WebRequest } from "@/server/web/request";
import { assertMayWatch, findWatchAccess } from "./get-watchable-video";
import { isSegment, servedFileKey } from "./video-files";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
/** A playlist may be re-read for this long without asking: a visibility change or delete reaches players within it. */
const PLAYLIST_SECONDS = 10;

/**
 * GET/HEAD /api/videos/<id>/hls/<file> and /api/videos/<id>/hls/<rendition>/<file>
 * (rows of server/web/routes.ts, answered before Next: a player fetches a
 * segment every few seconds). Only the names a ladder has are served (never
 * the source, no traversal); every request checks who may watch
 * (get-watchable-video.ts) and goes through the one file server for Range,
 * ETag and MIME types. Segments never change (immutable, a year); playlists
 * and the poster are cached briefly; both `private` unless the video is public.
 */
export async function videoFileRoute(request: WebRequest): Promise<Answer> {
  const { videoId = "", rendition, file = "" } = request.params;
  const key = servedFileKey(videoId, rendition ? [rendition, file] : [file]);
  if (!key) throw new AppError("NOT_FOUND", "File not found.");
  const video = await findWatchAccess(db, videoId);
  const scope = video?.visibility === "public" ? "public" : "private";
  const response = await serveObject({
    request: new Request(`http://localhost${request.path}`, { method: request.method, headers: request.headers }),
    key,
    store: storage,
    cacheControl: !isSegment(file) ? `${scope}, max-age=${PLAYLIST_SECONDS}` : `${scope}, max-age=${ONE_YEAR_SECONDS}, immutable`,
    authorize: async () => {
      await assertMayWatch(video, async () => (await getSessionUser(request.headers))?.id ?? null);
    },
  });
  return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: response.body as ReadableStream<Uint8Array> | null };
}
