import { MASTER_PLAYLIST, MEDIA_PLAYLIST, segmentFileName } from "./video-files";
import type { VideoView } from "./video-view";

/**
 * What the player fetches before its first frame, in the order it asks: the
 * master playlist, the playlist of the rendition it starts with (the lowest:
 * the master lists it first and video-player.tsx sets `startLevel: 0`), and
 * that rendition's first segment unless the viewer resumes further on. The
 * watch page names them in its <head> (preload), so they arrive while the
 * page's scripts load rather than in three round trips after hydration.
 */
export function firstFrameFiles(video: Pick<VideoView, "masterUrl" | "renditions">, resuming: boolean): string[] {
  const { masterUrl } = video;
  if (!masterUrl) return [];
  // The master lists renditions by bandwidth, lowest first (master-playlist.ts).
  const lowest = video.renditions.reduce<VideoView["renditions"][number] | null>((low, rendition) => (!low || rendition.bandwidth < low.bandwidth ? rendition : low), null);
  if (!lowest) return [masterUrl];
  const folder = `${masterUrl.slice(0, -MASTER_PLAYLIST.length)}${lowest.name}/`;
  return [masterUrl, `${folder}${MEDIA_PLAYLIST}`, ...(resuming ? [] : [`${folder}${segmentFileName(0)}`])];
}
