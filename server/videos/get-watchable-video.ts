import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";

export type WatchAccess = { id: string; ownerId: string; status: string; visibility: "public" | "unlisted" | "private" };

/**
 * The one rule of who may watch (the watch page, and every playlist, segment
 * and poster request): a ready video; a private one for its owner only. A
 * video someone may not watch is "not found", so private ids cannot be probed.
 * `viewerId` is asked for only when the video is private (no session read for
 * a public segment).
 */
export async function assertMayWatch(video: WatchAccess | null, viewerId: () => Promise<string | null>): Promise<WatchAccess> {
  if (!video || video.status !== "ready") throw notFound();
  if (video.visibility === "private" && (await viewerId()) !== video.ownerId) throw notFound();
  return video;
}

export function findWatchAccess(db: Db, videoId: string): Promise<WatchAccess | null> {
  return db.video.findUnique({ where: { id: videoId }, select: { id: true, ownerId: true, status: true, visibility: true } });
}

function notFound(): AppError {
  return new AppError("NOT_FOUND", "This video does not exist or is private.");
}
