import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, type Page } from "./test";

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

/** Uploads `clip` through /videos/upload, waits until it is transcoded and opens it: answers its watch page's path. */
export async function uploadClip(page: Page, clip: string, { title, tags = "" }: { title: string; tags?: string }): Promise<string> {
  await page.goto("/videos/upload");
  await page.getByLabel("Video file").setInputFiles(clip);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Tags").fill(tags);
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  // Transcoding on a loaded machine: the worker may be busy with other specs' jobs first.
  await expect(page.getByText("Your video is ready")).toBeVisible({ timeout: 180_000 });
  await page.getByRole("link", { name: "Watch it now" }).click();
  await expect(page).toHaveURL(/\/videos\/[0-9a-f]{24}$/);
  return new URL(page.url()).pathname;
}
