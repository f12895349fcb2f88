import { newPerson, openContext, signUp } from "./support/people";
import { expect, test, type Page } from "./support/test";
import { makeClip, uploadClip } from "./support/video-clip";

/**
 * Up next and recommendations, as a viewer meets them: a creator uploads two
 * videos sharing a tag; on the first one's page the second is "Up next";
 * when the first ends, a countdown offers it (Cancel keeps the viewer
 * there); the home page recommends it from the viewer's history; let the
 * countdown run and the second video plays.
 */
test.describe.configure({ timeout: 300_000 });

/** Plays muted from just before the end, so the video ends within a second or two. */
async function playToTheEnd(page: Page): Promise<void> {
  await page.getByTestId("video-player").evaluate((element: HTMLVideoElement) => {
    element.muted = true;
    const jump = () => {
      element.currentTime = Math.max(0, element.duration - 1);
      void element.play();
    };
    if (Number.isFinite(element.duration) && element.duration > 0) jump();
    else element.addEventListener("loadedmetadata", jump, { once: true });
  });
}

test("up next lists a related video, autoplays it after a countdown you can cancel, and home recommends it", async ({ page: creatorPage, browser, baseURL }) => {
  const tag = `zz${Date.now().toString(36)}`;
  const [firstClip, secondClip] = await Promise.all([makeClip(5, "first.mp4"), makeClip(5, "second.mp4")]);
  const creator = newPerson("Uma");
  const viewer = newPerson("Vic");
  const { page } = await openContext(browser, baseURL);
  await Promise.all([signUp(creatorPage, creator), signUp(page, viewer)]);
  const first = await uploadClip(creatorPage, firstClip, { title: `Pattern one ${tag}`, tags: `${tag}, demo` });
  const second = await uploadClip(creatorPage, secondClip, { title: `Pattern two ${tag}`, tags: `${tag}, demo` });

  // The second video, sharing a tag and a channel, is first in "Up next".
  await page.goto(first);
  const upNext = page.getByRole("region", { name: "Up next" });
  await expect(upNext.getByRole("listitem").first()).toContainText(`Pattern two ${tag}`);

  // The end brings the countdown; Cancel keeps me here.
  await playToTheEnd(page);
  const countdown = page.getByTestId("autoplay-countdown");
  await expect(countdown).toContainText(`Pattern two ${tag}`, { timeout: 30_000 });
  await expect(countdown).toContainText(/Up next in \d s/);
  await countdown.getByRole("button", { name: "Cancel" }).click();
  await expect(countdown).toBeHidden();
  await expect(page).toHaveURL((url) => url.pathname === first);

  // What I watched steers the home page's recommendations.
  await page.goto("/videos");
  await expect(page.getByRole("region", { name: "Recommended for you" }).getByRole("listitem").first()).toContainText(`Pattern two ${tag}`, { timeout: 30_000 });

  // Let the countdown run: the next video opens and plays.
  await page.goto(first);
  await playToTheEnd(page);
  await expect(page.getByTestId("autoplay-countdown")).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL((url) => url.pathname === second, { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1, name: `Pattern two ${tag}` })).toBeVisible();
  await expect.poll(() => page.getByTestId("video-player").evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 30_000 }).toBeGreaterThan(0);
});
