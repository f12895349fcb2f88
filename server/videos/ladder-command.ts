import os from "node:os";
import path from "node:path";
import { initFileName, INIT_PATTERN, MEDIA_PLAYLIST, SEGMENT_PATTERN } from "./video-files";
import type { Rung } from "./plan-ladder";
import { storyboardFilter, type StoryboardPlan } from "./storyboard";

/** Seconds between keyframes: every segment boundary falls on one, in every rendition at the same instant. */
export const KEYFRAME_SECONDS = 2;
/** Target segment length: two keyframe intervals (4 s), so segments are 4 s and never above 6 s. */
export const SEGMENT_SECONDS = 4;
/**
 * The rung (by its short side) the smaller ones are scaled from, instead of
 * each reading the full-size source: downscaling a 720p picture costs a
 * fraction of downscaling 1080p, and what reaches the eye at 480p and below
 * is the same. Measured on a 6 s 1080p30 noisy source: the ladder's ffmpeg
 * CPU time 18.6 s → 18.0 s (one run each on the shared machine).
 */
const CASCADE_SIZE = 720;
/**
 * Rungs this size and up (by the short side) are encoded one x264 preset
 * faster than VIDEO_X264_PRESET: 1080p is over half the ladder's pixels. At
 * superfast → ultrafast, on a 10 s 1080p30 noisy source, the ladder's ffmpeg
 * CPU time went 22.1 s → 18.3 s (−17 %, mean of three runs each),
 * while the 1080p rung at its same 5 Mbps scored PSNR 31.67 vs 31.25 dB and
 * SSIM 0.636 vs 0.622 against that source, and 28.79 vs 28.84 dB, SSIM 0.919
 * vs 0.920 on a less noisy one (alone: 5.4 vs 6.8 s CPU). What ultrafast
 * gives up (CABAC, deblocking, B-frames) costs bits more than pixels at this
 * rate; on real footage with flat areas expect slightly blockier gradients.
 */
const FASTER_FROM_SIZE = 1080;
/**
 * x264 frame threads per core for the two largest rungs (x264's own default
 * is 1.5 per core for every rung). ffmpeg 5.1 feeds every encoder from one
 * thread, which waits whenever the 1080p encoder's threads are all busy, and
 * the other encoders and the decoder wait with it: more frames in flight for
 * the big rungs keep both cores working. Paired runs, 10 s 1080p30 source,
 * same CPU time: wall 12.5 vs 15.3 s, 16.5 vs 17.3 s, 16.0 vs 18.1 s
 * (loaded machine); 4 and 3 per core did no better.
 */
const THREADS_PER_CORE: Record<number, number> = { 1080: 3, 720: 2 };
const PRESETS = ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow"];

/**
 * One ffmpeg run for the whole ladder: the source is decoded once, split,
 * scaled per rung (square pixels; the rungs below 720p from the 720p
 * picture), encoded with x264 (1080p and up one preset faster) + AAC and cut into fragmented-MP4 segments
 * with aligned keyframes. fMP4 rather than MPEG-TS: MSE plays it as it is, where hls.js must first
 * transmux MPEG-TS on the page's main thread, right when the first frame is due (80–190 ms of a
 * 4 s 360p segment in a profile of the watch page). `-progress pipe:1` reports the
 * encoded time on stdout. Output: `<outDir>/<rung>/index.m3u8`, its
 * initialisation segment and its media segments; the master playlist is written afterwards from measured rates
 * (ffmpeg's lacks AVERAGE-BANDWIDTH and FRAME-RATE). The storyboard's sprite
 * sheet is one more branch of the same graph (a second output file), so the
 * source is not decoded again for it.
 */
export function ladderCommand(options: { source: string; outDir: string; rungs: readonly Rung[]; frameRate: number; hasAudio: boolean; preset: string; storyboard?: { plan: StoryboardPlan; output: string } }): string[] {
  const { rungs, hasAudio } = options;
  const gop = Math.max(1, Math.round(options.frameRate * KEYFRAME_SECONDS));
  const hub = rungs.findIndex((rung) => Math.min(rung.width, rung.height) === CASCADE_SIZE);
  const small = (index: number) => hub >= 0 && index < hub;

  const args = ["-hide_banner", "-nostdin", "-y", "-i", options.source, "-filter_complex", scaleGraph(rungs, small, hub, options.storyboard?.plan ?? null)];
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
  const faster = PRESETS[Math.max(0, PRESETS.indexOf(options.preset) - 1)] ?? options.preset;
  const cores = os.availableParallelism();
  rungs.forEach((rung, index) => {
    const size = Math.min(rung.width, rung.height);
    if (size >= FASTER_FROM_SIZE && faster !== options.preset) args.push(`-preset:v:${index}`, faster);
    const perCore = THREADS_PER_CORE[size];
    if (perCore) args.push(`-threads:v:${index}`, String(perCore * cores));
  });
  if (hasAudio) args.push("-c:a", "aac", "-ac", "2", "-ar", "48000");
  args.push(
    "-f", "hls",
    "-hls_time", String(SEGMENT_SECONDS),
    "-hls_playlist_type", "vod",
    "-hls_flags", "independent_segments",
    "-hls_segment_type", "fmp4",
    // ffmpeg 5.1 expands %v in this name only when there are several variant streams: one rung gets its name as is.
    "-hls_fmp4_init_filename", rungs.length === 1 ? initFileName((rungs[0] as Rung).name) : INIT_PATTERN,
    "-hls_segment_filename", path.join(options.outDir, "%v", SEGMENT_PATTERN),
    "-var_stream_map", rungs.map((rung, index) => (hasAudio ? `v:${index},a:${index},name:${rung.name}` : `v:${index},name:${rung.name}`)).join(" "),
    "-progress", "pipe:1", "-nostats",
    path.join(options.outDir, "%v", MEDIA_PLAYLIST),
  );
  if (options.storyboard) args.push("-map", "[storyboard]", "-frames:v", "1", "-c:v", "mjpeg", "-q:v", "4", options.storyboard.output);
  return args;
}

/** The filter graph: the source split to the rungs scaled from it and the storyboard; the 720p picture split again to the smaller rungs. Outputs [v<index>] and [storyboard]. */
function scaleGraph(rungs: readonly Rung[], small: (index: number) => boolean, hub: number, storyboard: StoryboardPlan | null): string {
  const scale = (rung: Rung) => `scale=${rung.width}:${rung.height},setsar=1`;
  const fromSource = rungs.flatMap((_, index) => (small(index) ? [] : [index]));
  const fromHub = rungs.flatMap((_, index) => (small(index) ? [index] : []));
  const branches = fromSource.map((index) => `[s${index}]`).join("");
  const graph = storyboard
    ? [`[0:v]split=${fromSource.length + 1}${branches}[sb]`, `[sb]${storyboardFilter(storyboard)}[storyboard]`]
    : [`[0:v]split=${fromSource.length}${branches}`];
  for (const index of fromSource) {
    const rung = rungs[index] as Rung;
    graph.push(index === hub && fromHub.length > 0 ? `[s${index}]${scale(rung)},split=${fromHub.length + 1}[v${index}]${fromHub.map((target) => `[h${target}]`).join("")}` : `[s${index}]${scale(rung)}[v${index}]`);
  }
  for (const index of fromHub) graph.push(`[h${index}]${scale(rungs[index] as Rung)}[v${index}]`);
  return graph.join(";");
}
