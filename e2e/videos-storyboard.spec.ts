import { newPerson, signUp } from "./support/people";
import { expect, test } from "./support/test";
import { makeClip, uploadClip } from "./support/video-clip";

/**
 * Seek previews: the transcoding job made a storyboard for the uploaded clip;
 * hovering the player's seek bar shows that moment's frame (a tile of the
 * sprite sheet) and its time, leaving hides it, and a click there seeks.
 */
test.describe.configure({ timeout: 240_000 });

test("hovering the seek bar previews the frame at that moment, and clicking seeks there", async ({ page }) => {
  const clip = await makeClip(6, "storyboard.mp4");
  await signUp(page, newPerson("Sora"));
  await uploadClip(page, clip, { title: "Scrub me" });

  const seek = page.getByRole("slider", { name: "Seek" });
  // Enabled once the player knows the duration (the playlist is read).
  await expect(seek).toBeEnabled({ timeout: 30_000 });
  const box = await seek.boundingBox();
  if (!box) throw new Error("the seek bar has no box");
  const at = (fraction: number) => ({ x: box.x + box.width * fraction, y: box.y + box.height / 2 });

  await page.mouse.move(at(0.75).x, at(0.75).y);
  const preview = page.getByTestId("seek-preview");
  await expect(preview).toBeVisible();
  await expect(preview).toContainText(/^0:0[45]$/);
  // 4.5 s into a 6 s clip is the fifth tile of one row of 160×90 tiles.
  const image = page.getByTestId("seek-preview-image");
  await expect(image).toHaveCSS("background-position", "-640px 0px");
  await expect(image).toHaveCSS("width", "160px");
  const sprite = /url\("([^"]+)"\)/.exec(await image.evaluate((element) => getComputedStyle(element).backgroundImage))?.[1] ?? "";
  expect(sprite).toMatch(/\/api\/videos\/[0-9a-f]{24}\/hls\/storyboard\.jpg$/);
  const served = await page.request.get(sprite);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/jpeg");

  await page.mouse.move(at(0.25).x, at(0.25).y);
  await expect(image).toHaveCSS("background-position", "-160px 0px");
  await page.mouse.move(box.x + box.width / 2, box.y - 200);
  await expect(preview).toBeHidden();

  await page.mouse.click(at(0.5).x, at(0.5).y);
  await expect.poll(() => page.getByTestId("video-player").evaluate((element: HTMLVideoElement) => element.currentTime)).toBeGreaterThan(2);
});
