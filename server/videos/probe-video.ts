import { env } from "@/server/env";
import { runProgram } from "./run-program";

export type VideoFacts = {
  durationSeconds: number;
  /** As displayed: sample aspect ratio and rotation applied (ffmpeg applies both when it decodes). */
  width: number;
  height: number;
  frameRate: number;
  hasAudio: boolean;
};

/** Why a stored upload is not a video we can use, in the uploader's words; null when it is fine. */
export type ProbeOutcome = { ok: true; facts: VideoFacts } | { ok: false; reason: string };

type ProbeStream = {
  codec_type?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  sample_aspect_ratio?: string;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: Array<{ rotation?: number }>;
};
type ProbeOutput = { streams?: ProbeStream[]; format?: { duration?: string } };

/**
 * The second half of the validation chain (start-video-upload.ts has the
 * first): ffprobe reads the stored file. Unreadable → "not a video"; no
 * picture stream (audio only, or a cover image) → "no video stream"; longer
 * than VIDEO_MAX_DURATION_MINUTES → refused.
 */
export async function probeVideo(file: string): Promise<ProbeOutcome> {
  const result = await runProgram("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file]);
  let output: ProbeOutput = {};
  try {
    output = JSON.parse(result.stdout) as ProbeOutput;
  } catch {
    // ffprobe printed nothing usable: same as unreadable.
  }
  const streams = output.streams ?? [];
  if (result.code !== 0 || !output.format) return { ok: false, reason: "This file is not a video we can read." };
  const video = streams.find((stream) => stream.codec_type === "video" && !stream.disposition?.attached_pic && stream.width && stream.height);
  if (!video?.width || !video.height) {
    const audioOnly = streams.some((stream) => stream.codec_type === "audio");
    return { ok: false, reason: audioOnly ? "This file has no video stream (it holds only audio)." : "This file has no video stream." };
  }
  const durationSeconds = Number(output.format.duration);
  if (!(durationSeconds > 0)) return { ok: false, reason: "This video has no duration: it may be damaged or incomplete." };
  if (durationSeconds > env.VIDEO_MAX_DURATION_MINUTES * 60) {
    return { ok: false, reason: `This video is longer than ${env.VIDEO_MAX_DURATION_MINUTES} minutes.` };
  }

  const sar = ratio(video.sample_aspect_ratio) || 1;
  const displayWidth = Math.round(video.width * sar);
  const rotation = Math.abs(video.side_data_list?.find((entry) => entry.rotation !== undefined)?.rotation ?? Number(video.tags?.rotate ?? 0)) % 180;
  const [width, height] = rotation === 90 ? [video.height, displayWidth] : [displayWidth, video.height];
  const frameRate = ratio(video.avg_frame_rate) || ratio(video.r_frame_rate) || 30;
  return { ok: true, facts: { durationSeconds, width, height, frameRate: Math.round(frameRate * 1000) / 1000, hasAudio: streams.some((stream) => stream.codec_type === "audio") } };
}

/** "30000/1001" → 29.97; "1:1" → 1; "0/0" → 0. */
function ratio(value: string | undefined): number {
  if (!value) return 0;
  const [top, bottom] = value.split(/[/:]/).map(Number);
  return top && bottom ? top / bottom : 0;
}
