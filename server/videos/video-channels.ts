/**
 * Video's realtime channel and event names, in one place so the transcoding
 * job, the channel-access rules (video-channel-rules.ts) and the upload page
 * cannot drift apart. Pure constants: the browser imports them too.
 */
export const VIDEO_CHANNEL_PREFIX = "private-video-";

/** A video's processing news, for its owner only: `private-video-<videoId>`. */
export function videoChannel(videoId: string): string {
  return `${VIDEO_CHANNEL_PREFIX}${videoId}`;
}

export const VIDEO_EVENTS = {
  /** The worker stitching the uploaded parts into the source, before transcoding: VideoAssemblingEvent. */
  assembling: "assembling",
  /** Transcoding progress: VideoProgressEvent. */
  progress: "progress",
  /** The video became ready or failed: VideoStatusEvent. */
  status: "status",
} as const;

/** Share of the upload's bytes stitched into the source so far (uploads/stitch-upload.ts). */
export type VideoAssemblingEvent = { videoId: string; percent: number };
/** One ffmpeg run encodes every rendition together, so they advance together: `percent` is each one's. */
export type VideoProgressEvent = { videoId: string; percent: number; renditions: string[] };
export type VideoStatusEvent = { videoId: string; status: "ready" | "failed"; failureReason: string | null };
