import path from "node:path";
import { MEDIA_PLAYLIST, SEGMENT_PATTERN } from "./video-files";
import type { Rung } from "./plan-ladder";

/** Seconds between keyframes: every segment boundary falls on one, in every rendition at the same instant. */
export const KEYFRAME_SECONDS = 2;
/** Target segment length: two keyframe intervals (4 s), so segments are 4 s and never above 6 s. */
export const SEGMENT_SECONDS = 4;

/**
 * One ffmpeg run for the whole ladder: the source is decoded once, split,
 * scaled per rung (square pixels), encoded with x264 + AAC and cut into
 * MPEG-TS segments with aligned keyframes. `-progress pipe:1` reports the
 * encoded time on stdout. Output: `<outDir>/<rung>/index.m3u8` and its
 * segments; the master playlist is written afterwards from measured rates
 * (ffmpeg's lacks AVERAGE-BANDWIDTH and FRAME-RATE).
 */
export function ladderCommand(options: { source: string; outDir: string; rungs: readonly Rung[]; frameRate: number; hasAudio: boolean; preset: string }): string[] {
  const { rungs, hasAudio } = options;
  const split = `[0:v]split=${rungs.length}${rungs.map((_, index) => `[s${index}]`).join("")}`;
  const scales = rungs.map((rung, index) => `[s${index}]scale=${rung.width}:${rung.height},setsar=1[v${index}]`);
  const gop = Math.max(1, Math.round(options.frameRate * KEYFRAME_SECONDS));

  const args = ["-hide_banner", "-nostdin", "-y", "-i", options.source, "-filter_complex", [split, ...scales].join(";")];
  rungs.forEach((rung, index) => {
    args.push("-map", `[v${index}]`);
    if (hasAudio) args.push("-map", "0:a:0");
    args.push(`-b:v:${index}`, `${rung.videoKbps}k`, `-maxrate:v:${index}`, `${Math.round(rung.videoKbps * 1.5)}k`, `-bufsize:v:${index}`, `${rung.videoKbps * 2}k`);
    if (hasAudio) args.push(`-b:a:${index}`, `${rung.audioKbps}k`);
  });
  args.push(
    "-c:v", "libx264", "-preset", options.preset, "-profile:v", "high", "-pix_fmt", "yuv420p",
    "-g", String(gop), "-keyint_min", String(gop), "-sc_threshold", "0",
    "-force_key_frames", `expr:gte(t,n_forced*${KEYFRAME_SECONDS})`,
  );
  if (hasAudio) args.push("-c:a", "aac", "-ac", "2", "-ar", "48000");
  args.push(
    "-f", "hls",
    "-hls_time", String(SEGMENT_SECONDS),
    "-hls_playlist_type", "vod",
    "-hls_flags", "independent_segments",
    "-hls_segment_type", "mpegts",
    "-hls_segment_filename", path.join(options.outDir, "%v", SEGMENT_PATTERN),
    "-var_stream_map", rungs.map((rung, index) => (hasAudio ? `v:${index},a:${index},name:${rung.name}` : `v:${index},name:${rung.name}`)).join(" "),
    "-progress", "pipe:1", "-nostats",
    path.join(options.outDir, "%v", MEDIA_PLAYLIST),
  );
  return args;
}

/** A poster: one frame a third of the way in (at most 2 s: past a fade-in, before anything else), at most 720 high. */
export function posterCommand(options: { source: string; output: string; durationSeconds: number; height: number }): string[] {
  const at = Math.min(2, options.durationSeconds / 3).toFixed(2);
  return ["-hide_banner", "-nostdin", "-y", "-ss", at, "-i", options.source, "-frames:v", "1", "-vf", `scale=-2:${Math.min(720, options.height)}`, "-q:v", "3", options.output];
}
