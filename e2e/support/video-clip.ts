import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/** A small clip made by ffmpeg for the Video specs: a moving test pattern and a tone, 640×360 at 10 fps (cheap on the shared 2 cores). */
export async function makeClip(seconds: number, name = "e2e-clip.mp4"): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-e2e-video-"));
  const file = path.join(dir, name);
  await promisify(execFile)("ffmpeg", [
    "-hide_banner", "-nostdin", "-y",
    "-f", "lavfi", "-i", `testsrc2=size=640x360:rate=10:duration=${seconds}`,
    "-f", "lavfi", "-i", `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", file,
  ]);
  return file;
}
