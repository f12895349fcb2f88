import type { Db } from "@/server/platform/db";
import { captionTracks, type CaptionTrack } from "./captions/caption-tracks";
import { assertMayWatch } from "./get-watchable-video";
import { toVideoView, VIDEO_VIEW_SELECT, type VideoView } from "./video-view";

/**
 * The watch page's video. Its owner sees it in any status (the page shows
 * processing or the failure reason); everyone else only as get-watchable-video.ts allows.
 * With the captions tracks the player offers.
 */
export async function getVideoOrThrow({ db, videoId, viewerId }: { db: Db; videoId: string; viewerId: string | null }): Promise<VideoView & { isOwner: boolean; captions: CaptionTrack[] }> {
  const row = await db.video.findUnique({ where: { id: videoId }, select: { ...VIDEO_VIEW_SELECT, ownerId: true, captions: { select: { language: true, file: true } } } });
  const isOwner = row !== null && viewerId !== null && row.ownerId === viewerId;
  if (!isOwner) await assertMayWatch(row, async () => viewerId);
  const video = row as NonNullable<typeof row>;
  return { ...toVideoView(video), isOwner, captions: captionTracks(video.id, video.captions) };
}
