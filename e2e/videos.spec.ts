import { newPerson, signUp } from "./support/people";
import { expect, test } from "./support/test";
import { makeClip } from "./support/video-clip";

/**
 * Video end to end: a small clip made by ffmpeg here is uploaded through the
 * page (tus), transcoded by the stack's worker with live progress until it is
 * ready, then played with hls.js (time advances) and switched to a rendition
 * by hand. The clip is tiny (6 s, 640×360 at 10 fps) for the shared 2 cores.
 */
test.describe.configure({ timeout: 180_000 });

test("upload a clip, watch it transcode to ready, play it and switch quality", async ({ page }) => {
  const clip = await makeClip(6);
  await signUp(page, newPerson("Vida"));

  await page.goto("/videos/upload");
  await page.getByLabel("Video file").setInputFiles(clip);
  await expect(page.getByLabel("Title")).toHaveValue("e2e-clip");
  await page.getByLabel("Title").fill("Test pattern with a tone");
  await page.getByLabel("Tags").fill("e2e, pattern");
  await page.getByRole("button", { name: "Upload", exact: true }).click();

  await expect(page.getByRole("progressbar", { name: "Upload" })).toBeVisible();
  // Transcoding on a loaded machine: the worker may be busy with other specs' jobs first.
  await expect(page.getByText("Your video is ready")).toBeVisible({ timeout: 150_000 });
  await page.getByRole("link", { name: "Watch it now" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Test pattern with a tone" })).toBeVisible();
  const quality = page.getByLabel("Quality");
  await expect(quality.locator("option")).toHaveText([/^Auto/, "240p", "360p"], { timeout: 30_000 });
  const video = page.getByTestId("video-player");
  await video.evaluate((element: HTMLVideoElement) => {
    element.muted = true;
    void element.play();
  });
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 30_000 }).toBeGreaterThan(0.5);

  await quality.selectOption({ label: "360p" });
  await expect(page.getByTestId("playing-level")).toHaveText("Playing 360p", { timeout: 30_000 });
  const before = await video.evaluate((element: HTMLVideoElement) => element.currentTime);
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => (element.ended ? Infinity : element.currentTime)), { timeout: 30_000 }).toBeGreaterThan(before);

  // It is listed on the home page and in "My videos".
  await page.goto("/videos");
  await expect(page.getByRole("list", { name: "Latest videos" }).getByRole("link", { name: /Test pattern with a tone/ })).toBeVisible();
  await page.goto("/videos/mine");
  await expect(page.getByRole("list", { name: "My videos" }).getByText("Ready")).toBeVisible();
});
