import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { toWebp } from "@/server/platform/images";
import type { ObjectStore } from "@/server/platform/storage";
import { customThumbnailKey, customThumbnailName, videoFileUrl } from "../video-files";

/** Pictures are stored at most this size (16:9 at 720p; a thumbnail is never shown larger than the player). */
const THUMBNAIL_BOX = { width: 1280, height: 720 };

/**
 * The owner's own picture as a ready video's thumbnail: decoded and
 * re-encoded as WebP (the type is the decoder's verdict, never the
 * browser's claim; VIDEO_THUMBNAIL_MAX_BYTES is enforced by the route while
 * reading and again here), stored under a new name and chosen at once. The
 * previous uploaded picture is removed: one per video is kept.
 */
export async function uploadThumbnail({
  db,
  storage,
  ownerId,
  videoId,
  bytes,
}: {
  db: Db;
  storage: Pick<ObjectStore, "putObject" | "deleteObject">;
  ownerId: string;
  videoId: string;
  bytes: Buffer;
}): Promise<{ thumbnail: string; url: string }> {
  const video = await db.video.findFirst({ where: { id: videoId, ownerId }, select: { status: true, customThumbnail: true } });
  if (!video) throw new AppError("NOT_FOUND", "This video does not exist or is not yours.");
  if (video.status !== "ready") throw new AppError("BAD_REQUEST", "A thumbnail can be chosen once the video is ready.", { field: "thumbnail" });
  if (bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "Choose a picture to upload.", { field: "thumbnail" });
  if (bytes.byteLength > env.VIDEO_THUMBNAIL_MAX_BYTES) throw thumbnailTooLarge();

  const webp = await toWebp(bytes, { resize: { ...THUMBNAIL_BOX, fit: "inside", withoutEnlargement: true }, field: "thumbnail" });
  const name = customThumbnailName();
  await storage.putObject(customThumbnailKey(videoId, name), webp, { contentType: "image/webp", ownerId, visibility: "private", immutable: true });
  const { count } = await db.video.updateMany({ where: { id: videoId, ownerId }, data: { customThumbnail: name, thumbnail: name } });
  if (count === 0) {
    // Deleted while we stored it: the picture would belong to no one.
    await storage.deleteObject(customThumbnailKey(videoId, name));
    throw new AppError("NOT_FOUND", "This video does not exist or is not yours.");
  }
  if (video.customThumbnail) await storage.deleteObject(customThumbnailKey(videoId, video.customThumbnail));
  return { thumbnail: name, url: videoFileUrl(videoId, name) };
}

export function thumbnailTooLarge(): AppError {
  const bytes = env.VIDEO_THUMBNAIL_MAX_BYTES;
  const size = bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
  return new AppError("PAYLOAD_TOO_LARGE", `Thumbnail pictures can be at most ${size}.`, { field: "thumbnail", maxBytes: bytes });
}
