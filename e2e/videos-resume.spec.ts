import { newPerson, signUp } from "./support/people";
import { expect, test, type Page } from "./support/test";
import { makeClip, uploadClip } from "./support/video-clip";

/**
 * Leaving mid-play keeps my place, with no pause first: the player sends
 * where it was as I leave (a beacon on pagehide, or as the player unmounts
 * for another page of the app), and the video resumes there when I come
 * back, after going elsewhere in the app, after typing another address, and
 * after closing the tab.
 */
test.describe.configure({ timeout: 240_000 });

const player = (page: Page) => page.getByTestId("video-player");

/** Plays (muted) from `seconds` and waits until it is playing past it: the position is then only in the page. */
async function playFrom(page: Page, seconds: number): Promise<void> {
  await expect.poll(() => player(page).evaluate((element: HTMLVideoElement) => element.readyState), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  await player(page).evaluate((element: HTMLVideoElement, at: number) => {
    element.muted = true;
    element.currentTime = at;
    void element.play();
  }, seconds);
  await expect.poll(() => player(page).evaluate((element: HTMLVideoElement) => (element.paused ? -1 : element.currentTime)), { timeout: 30_000 }).toBeGreaterThan(seconds + 0.2);
}

/** The leaving position's beacon (not the 10-second or pause saves, which are tRPC calls), sent by a page that stays. */
const beacon = (page: Page) => page.waitForRequest((request) => request.method() === "POST" && /\/api\/videos\/[0-9a-f]{24}\/position$/.test(request.url()));

test("leaving mid-play, then coming back, resumes where I was", async ({ page, context }) => {
  const clip = await makeClip(12, "resume.mp4");
  const person = newPerson("Rhea");
  await signUp(page, person);
  const videoPath = await uploadClip(page, clip, { title: "Leave me mid-play" });

  // Another page of the app: the player unmounts and sends its position.
  await playFrom(page, 6);
  const leftInApp = beacon(page);
  await page.getByRole("article").getByRole("link", { name: person.name }).click();
  await expect(page).toHaveURL(/\/videos\/c\//);
  await leftInApp;
  await page.getByRole("link", { name: /Leave me mid-play/ }).first().click();
  await expect(page.getByTestId("resume-note")).toHaveText(/at 0:0[67]\.$/);
  await expect.poll(() => player(page).evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 30_000 }).toBeGreaterThanOrEqual(6);

  // Another address typed in: the page unloads (pagehide); its beacon may land after the next page asked.
  await playFrom(page, 2);
  await page.goto("/videos");
  await expect(async () => {
    await page.goto(videoPath);
    await expect(page.getByTestId("resume-note")).toHaveText(/at 0:0[23]\.$/, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // The tab closed: the beacon outlives it; a new tab resumes there.
  await playFrom(page, 7);
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await expect(async () => {
    await again.goto(videoPath);
    await expect(again.getByTestId("resume-note")).toHaveText(/at 0:0[78]\.$/, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect.poll(() => player(again).evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 30_000 }).toBeGreaterThanOrEqual(7);
});
