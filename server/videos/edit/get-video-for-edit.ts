import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { captionTracks } from "../captions/caption-tracks";
import { POSTER } from "../video-files";
import { toVideoView, VIDEO_VIEW_SELECT } from "../video-view";
import { thumbnailChoices } from "./thumbnail-choices";

/** The edit page's video: its owner's only (NOT_FOUND to anyone else), with the thumbnails to choose from once it is ready and its captions. */
export async function getVideoForEdit({ db, ownerId, videoId }: { db: Db; ownerId: string; videoId: string }) {
  const row = await db.video.findFirst({ where: { id: videoId, ownerId }, select: { ...VIDEO_VIEW_SELECT, thumbnailCount: true, customThumbnail: true, captions: { select: { language: true, file: true } } } });
  if (!row) throw new AppError("NOT_FOUND", "This video does not exist or is not yours.");
  return {
    ...toVideoView(row),
    thumbnail: row.thumbnail ?? POSTER,
    thumbnails: row.status === "ready" ? thumbnailChoices(row) : [],
    captions: captionTracks(row.id, row.captions),
  };
}
export type VideoForEdit = Awaited<ReturnType<typeof getVideoForEdit>>;
