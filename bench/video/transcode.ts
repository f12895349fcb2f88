import fs from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ladderCommand } from "../../server/videos/ladder-command";
import { planLadder, type Rung } from "../../server/videos/plan-ladder";
import { planStoryboard } from "../../server/videos/storyboard";
import { runProgram } from "../../server/videos/run-program";

/**
 * A synthetic 1080p30 source with motion and noise (not a static pattern:
 * x264 would find it too easy) and a tone, made once per run.
 */
export async function makeSource(file: string, seconds: number): Promise<void> {
  const result = await runProgram("ffmpeg", [
    "-hide_banner", "-nostdin", "-y",
    "-f", "lavfi", "-i", `testsrc2=size=1920x1080:rate=30:duration=${seconds},noise=alls=12:allf=t`,
    "-f", "lavfi", "-i", `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    "-c:v", "libx264", "-preset", "ultrafast", "-crf", "18", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", file,
  ]);
  if (result.code !== 0) throw new Error(`could not make the source: ${result.stderr}`);
}

/** A phone camera's 1080p30 H.264 runs at about 17 Mbps. */
const PHONE_VIDEO_BITRATE = "17M";

/**
 * The same picture at a phone camera's bitrate. `makeSource`'s per-frame noise at crf 18 comes to about
 * 200 Mbps, and decoding that alone takes about a quarter of the ladder's CPU: this copy shows what an
 * upload from a phone costs (a labelled row; the headline stays on the issue's source).
 */
export async function makePhoneBitrateCopy(source: string, file: string): Promise<void> {
  const result = await runProgram("ffmpeg", [
    "-hide_banner", "-nostdin", "-y", "-i", source,
    "-c:v", "libx264", "-preset", "veryfast", "-b:v", PHONE_VIDEO_BITRATE, "-maxrate", PHONE_VIDEO_BITRATE, "-bufsize", "34M", "-pix_fmt", "yuv420p", "-c:a", "copy", file,
  ]);
  if (result.code !== 0) throw new Error(`could not make the phone-bitrate copy: ${result.stderr}`);
}

/**
 * Wall time of the transcoding job's own ffmpeg command (server/videos/ladder-command.ts) for these rungs;
 * with `storyboardSeconds` (the source's length), also its storyboard branch, as the job runs it.
 */
export async function timeLadder(source: string, outDir: string, rungs: Rung[], preset: string, storyboardSeconds?: number): Promise<number> {
  await fs.rm(outDir, { recursive: true, force: true });
  for (const rung of rungs) await fs.mkdir(path.join(outDir, rung.name), { recursive: true });
  const storyboard = storyboardSeconds === undefined ? undefined : { plan: planStoryboard({ durationSeconds: storyboardSeconds, width: 1920, height: 1080 }), output: path.join(outDir, "storyboard.jpg") };
  const started = performance.now();
  const result = await runProgram("ffmpeg", ladderCommand({ source, outDir, rungs, frameRate: 30, hasAudio: true, preset, storyboard }));
  const seconds = (performance.now() - started) / 1000;
  if (result.code !== 0) throw new Error(`ffmpeg failed: ${result.stderr.slice(-800)}`);
  return seconds;
}

/** The full ladder of a 1080p source, and the baseline: its 720p rung alone. */
export function benchRungs(): { ladder: Rung[]; baseline: Rung[] } {
  const ladder = planLadder({ width: 1920, height: 1080 });
  return { ladder, baseline: ladder.filter((rung) => rung.name === "720p") };
}
