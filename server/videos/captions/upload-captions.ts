import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { ObjectStore } from "@/server/platform/storage";
import { captionFileName, captionsKey, videoFileUrl } from "../video-files";
import { CAPTION_TRACKS_MAX, languageTag } from "./caption-tracks";
import { toWebVtt } from "./caption-text";

/**
 * The owner's captions in one language (POST /api/videos/<id>/captions/<language>,
 * the file as the body): read and rewritten as WebVTT (caption-text.ts),
 * stored under a new name and served with the video's watch rule. A second
 * upload in the same language replaces the first. At most
 * VIDEO_CAPTION_MAX_BYTES a file (the route stops reading there) and
 * CAPTION_TRACKS_MAX languages a video. Allowed in any status: captions can
 * be ready before the transcoding is.
 */
export async function uploadCaptions({
  db,
  storage,
  ownerId,
  videoId,
  language: requested,
  bytes,
}: {
  db: Db;
  storage: Pick<ObjectStore, "putObject" | "deleteObject">;
  ownerId: string;
  videoId: string;
  language: string;
  bytes: Buffer;
}): Promise<{ language: string; url: string }> {
  const video = await db.video.findFirst({ where: { id: videoId, ownerId }, select: { captions: { select: { language: true, file: true } } } });
  if (!video) throw new AppError("NOT_FOUND", "This video does not exist or is not yours.");
  const language = languageTag(requested);
  if (bytes.byteLength > env.VIDEO_CAPTION_MAX_BYTES) throw captionsTooLarge();
  const previous = video.captions.find((track) => track.language === language) ?? null;
  if (!previous && video.captions.length >= CAPTION_TRACKS_MAX) {
    throw new AppError("BAD_REQUEST", `A video can have captions in at most ${CAPTION_TRACKS_MAX} languages. Remove one first.`, { field: "captions" });
  }
  const text = toWebVtt(bytes);

  const file = captionFileName(language);
  await storage.putObject(captionsKey(videoId, file), Buffer.from(text), { contentType: "text/vtt", ownerId, visibility: "private", immutable: true });
  try {
    await db.videoCaption.upsert({ where: { videoId_language: { videoId, language } }, create: { videoId, language, file }, update: { file } });
  } catch (error) {
    // Deleted while we stored it (the row's video is gone): the file would belong to no one.
    await storage.deleteObject(captionsKey(videoId, file));
    throw error;
  }
  if (previous) await storage.deleteObject(captionsKey(videoId, previous.file));
  return { language, url: videoFileUrl(videoId, file) };
}

export function captionsTooLarge(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `Captions files can be at most ${Math.round(env.VIDEO_CAPTION_MAX_BYTES / 1024)} KB.`, { field: "captions", maxBytes: env.VIDEO_CAPTION_MAX_BYTES });
}
