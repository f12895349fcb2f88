import type { Prisma } from "@/server/generated/prisma/client";
import { MASTER_PLAYLIST, POSTER, STORYBOARD_INDEX, videoFileUrl } from "./video-files";

/** The columns every view of a video reads. */
export const VIDEO_VIEW_SELECT = {
  id: true,
  title: true,
  description: true,
  tags: true,
  visibility: true,
  status: true,
  failureReason: true,
  progress: true,
  durationSeconds: true,
  width: true,
  height: true,
  viewCount: true,
  likeCount: true,
  dislikeCount: true,
  commentCount: true,
  sourceBytes: true,
  createdAt: true,
  publishedAt: true,
  thumbnail: true,
  hasStoryboard: true,
  segmentFormat: true,
  owner: { select: { id: true, name: true, username: true, image: true } },
  renditions: { select: { height: true, width: true, bandwidth: true }, orderBy: { height: "asc" } },
} satisfies Prisma.VideoSelect;

type VideoRow = Prisma.VideoGetPayload<{ select: typeof VIDEO_VIEW_SELECT }>;

/**
 * A video as the browser sees it. `masterUrl` and `posterUrl` are set once it
 * is ready. `renditions` are named by their short side ("720p"), lowest first.
 */
export function toVideoView(video: VideoRow) {
  const ready = video.status === "ready";
  return {
    id: video.id,
    title: video.title,
    description: video.description,
    tags: video.tags,
    visibility: video.visibility,
    status: video.status,
    failureReason: video.failureReason,
    progress: video.progress,
    durationSeconds: video.durationSeconds,
    width: video.width,
    height: video.height,
    viewCount: video.viewCount,
    likeCount: video.likeCount,
    dislikeCount: video.dislikeCount,
    commentCount: video.commentCount,
    sizeBytes: Number(video.sourceBytes),
    createdAt: video.createdAt,
    publishedAt: video.publishedAt,
    owner: { id: video.owner.id, name: video.owner.name, username: video.owner.username, image: video.owner.image },
    renditions: video.renditions.map((rendition) => ({ name: `${Math.min(rendition.width, rendition.height)}p`, width: rendition.width, height: rendition.height, bandwidth: rendition.bandwidth })),
    masterUrl: ready ? videoFileUrl(video.id, MASTER_PLAYLIST) : null,
    segmentFormat: video.segmentFormat,
    // The owner's choice (edit/), else the poster frame.
    posterUrl: ready ? videoFileUrl(video.id, video.thumbnail ?? POSTER) : null,
    /** The seek previews' WebVTT index (storyboard.ts); its cues name tiles of storyboard.jpg beside it. */
    storyboardUrl: ready && video.hasStoryboard ? videoFileUrl(video.id, STORYBOARD_INDEX) : null,
  };
}
export type VideoView = ReturnType<typeof toVideoView>;
