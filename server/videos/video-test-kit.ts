import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runProgram } from "./run-program";

/**
 * Tiny real sources for the video tests, made by ffmpeg's own test sources
 * (a moving pattern and a tone): a few seconds at a few frames per second,
 * so a whole ladder encodes in about a second on the shared 2-core machine.
 */
export async function makeTestVideo(options: { width: number; height: number; seconds: number; fps?: number; audio?: boolean; name?: string }): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-video-test-"));
  const file = path.join(dir, options.name ?? "clip.mp4");
  const { width, height, seconds, fps = 10, audio = true } = options;
  const args = ["-hide_banner", "-nostdin", "-y", "-f", "lavfi", "-i", `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`];
  if (audio) args.push("-f", "lavfi", "-i", `sine=frequency=440:sample_rate=48000:duration=${seconds}`);
  args.push("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
  if (audio) args.push("-c:a", "aac", "-shortest");
  args.push(file);
  const result = await runProgram("ffmpeg", args);
  if (result.code !== 0) throw new Error(`could not make a test video: ${result.stderr}`);
  return file;
}

/** A sound with no picture, as an .mp4 (the validation chain's "audio only"). */
export async function makeTestAudio(seconds: number): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-video-test-"));
  const file = path.join(dir, "sound.mp4");
  const result = await runProgram("ffmpeg", ["-hide_banner", "-nostdin", "-y", "-f", "lavfi", "-i", `sine=frequency=330:duration=${seconds}`, "-c:a", "aac", file]);
  if (result.code !== 0) throw new Error(`could not make a test sound: ${result.stderr}`);
  return file;
}
