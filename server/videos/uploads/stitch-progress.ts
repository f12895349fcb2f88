import { publish } from "@/server/platform/realtime";
import { VIDEO_EVENTS, videoChannel, type VideoAssemblingEvent } from "../video-channels";

/** Live news at most this often, as the transcoding's own progress (transcode-video.ts). */
const EVERY_MS = 1_000;

/**
 * The stitch's `onBytes` for the upload page: the share of `size` stitched
 * so far, on the video's owner-only channel, as the first phase of
 * "processing". Best effort: a lost event only delays the bar.
 */
export function stitchProgress(videoId: string, size: number): (bytes: number) => void {
  let lastSent = 0;
  let lastPercent = -1;
  return (bytes) => {
    const percent = Math.min(100, Math.floor((bytes / size) * 100));
    if (percent === lastPercent || (percent < 100 && Date.now() - lastSent < EVERY_MS)) return;
    lastPercent = percent;
    lastSent = Date.now();
    const event: VideoAssemblingEvent = { videoId, percent };
    void publish(videoChannel(videoId), VIDEO_EVENTS.assembling, event).catch(() => undefined);
  };
}
