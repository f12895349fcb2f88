import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { announceNewUpload } from "../channels/notify-video-news";
import { limitVideoAction } from "../social/limit-video-action";
import { VideoDescription, VideoTags, VideoTitle, VideoVisibility } from "../video-fields";
import { POSTER } from "../video-files";
import { toVideoView, VIDEO_VIEW_SELECT } from "../video-view";
import { thumbnailChoices } from "./thumbnail-choices";

const log = logger.child({ module: "video-edit" });

/** The same limits as at upload (video-fields.ts); `thumbnail` is a file name from the edit page's choices. */
export const UpdateVideoInput = z.object({
  id: z.string().min(1).max(64),
  title: VideoTitle,
  description: VideoDescription,
  tags: VideoTags,
  visibility: VideoVisibility,
  thumbnail: z.string().max(64).optional(),
});

/**
 * The owner changes what they said about a video after the upload: title,
 * description, tags, visibility, and (once it is ready) which thumbnail
 * stands for it. Anyone else is told it does not exist. A visibility change
 * reaches players within a playlist's cache time (serve-video-file.ts), and
 * lists, search and trending at once (they read it from the row). Made
 * public, a video is announced to its channel's subscribers if it never was.
 */
export async function updateVideoDetails({ db, ownerId, input }: { db: Db; ownerId: string; input: z.infer<typeof UpdateVideoInput> }) {
  const video = await db.video.findFirst({ where: { id: input.id, ownerId }, select: { id: true, status: true, thumbnail: true, thumbnailCount: true, customThumbnail: true } });
  if (!video) throw new AppError("NOT_FOUND", "This video does not exist or is not yours.");
  await limitVideoAction("video-action", ownerId);
  let thumbnail = video.thumbnail;
  if (input.thumbnail !== undefined && input.thumbnail !== (video.thumbnail ?? POSTER)) {
    if (video.status !== "ready") throw new AppError("BAD_REQUEST", "A thumbnail can be chosen once the video is ready.", { field: "thumbnail" });
    if (!thumbnailChoices(video).some((choice) => choice.name === input.thumbnail)) throw new AppError("BAD_REQUEST", "Choose one of this video's thumbnails.", { field: "thumbnail" });
    thumbnail = input.thumbnail === POSTER ? null : input.thumbnail;
  }
  const data = { title: input.title, description: input.description, tags: input.tags, visibility: input.visibility, thumbnail };
  // Deleted meanwhile: nothing to update, and the owner is told so.
  const { count } = await db.video.updateMany({ where: { id: video.id, ownerId }, data });
  const updated = count === 1 ? await db.video.findUnique({ where: { id: video.id }, select: VIDEO_VIEW_SELECT }) : null;
  if (!updated) throw new AppError("NOT_FOUND", "This video does not exist or is not yours.");
  // Made public (from private or unlisted): its subscribers hear of it now, if they never have.
  if (updated.visibility === "public") {
    await announceNewUpload({ db, videoId: video.id }).catch((error: unknown) => log.warn({ videoId: video.id, err: String(error) }, "could not queue the new-upload notifications"));
  }
  return toVideoView(updated);
}
