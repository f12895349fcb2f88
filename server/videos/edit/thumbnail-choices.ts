import { candidateThumbnail, POSTER, videoFileUrl } from "../video-files";

export type ThumbnailChoice = { name: string; label: string; url: string };

/**
 * What the owner may pick as a ready video's thumbnail: the poster frame, the
 * frames the transcoding job took (none for videos transcoded before it took
 * any), and their own uploaded picture while it is kept.
 */
export function thumbnailChoices(video: { id: string; thumbnailCount: number; customThumbnail: string | null }): ThumbnailChoice[] {
  const frames = Array.from({ length: video.thumbnailCount }, (_, index) => ({ name: candidateThumbnail(index + 1), label: `Frame ${index + 2}` }));
  const own = video.customThumbnail ? [{ name: video.customThumbnail, label: "Your picture" }] : [];
  return [{ name: POSTER, label: "Frame 1" }, ...frames, ...own].map((choice) => ({ ...choice, url: videoFileUrl(video.id, choice.name) }));
}
