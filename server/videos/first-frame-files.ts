import { initFileName, MASTER_PLAYLIST, MEDIA_PLAYLIST, segmentFileName } from "./video-files";
import type { VideoView } from "./video-view";

/**
 * What the player fetches before its first frame, in the order it asks: the
 * master playlist, the playlist of the rendition it starts with (the lowest:
 * the master lists it first and video-player.tsx sets `startLevel: 0`), that
 * rendition's initialisation segment, and its first media segment unless the
 * viewer resumes further on. The watch page names them in its HTML (preload),
 * so they arrive while the page's scripts load rather than in round trips
 * after them. Videos transcoded to MPEG-TS have no initialisation segment and
 * their first segment is named otherwise: only their playlists are named.
 */
export function firstFrameFiles(video: Pick<VideoView, "masterUrl" | "renditions" | "segmentFormat">, resuming: boolean): string[] {
  const { masterUrl } = video;
  if (!masterUrl) return [];
  // The master lists renditions by bandwidth, lowest first (master-playlist.ts).
  const lowest = video.renditions.reduce<VideoView["renditions"][number] | null>((low, rendition) => (!low || rendition.bandwidth < low.bandwidth ? rendition : low), null);
  if (!lowest) return [masterUrl];
  const folder = `${masterUrl.slice(0, -MASTER_PLAYLIST.length)}${lowest.name}/`;
  const playlists = [masterUrl, `${folder}${MEDIA_PLAYLIST}`];
  if (video.segmentFormat !== "fmp4") return playlists;
  return [...playlists, `${folder}${initFileName(lowest.name)}`, ...(resuming ? [] : [`${folder}${segmentFileName(0)}`])];
}
