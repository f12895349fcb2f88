import type { Db } from "@/server/platform/db";
import { assertMayWatch } from "./get-watchable-video";
import { toVideoView, VIDEO_VIEW_SELECT, type VideoView } from "./video-view";

/**
 * The watch page's video. Its owner sees it in any status (the page shows
 * processing or the failure reason); everyone else only as get-watchable-video.ts allows.
 */
export async function getVideoOrThrow({ db, videoId, viewerId }: { db: Db; videoId: string; viewerId: string | null }): Promise<VideoView & { isOwner: boolean }> {
  const row = await db.video.findUnique({ where: { id: videoId }, select: { ...VIDEO_VIEW_SELECT, ownerId: true } });
  const isOwner = row !== null && viewerId !== null && row.ownerId === viewerId;
  if (!isOwner) await assertMayWatch(row, async () => viewerId);
  return { ...toVideoView(row as NonNullable<typeof row>), isOwner };
}
