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

/**
 * Where the resume note says the video resumes, in seconds, or -1 while there is none. The video
 * plays on between the last check and the leaving, longer on a busy machine: tests accept a few
 * seconds past where they started playing.
 */
async function resumesAt(page: Page): Promise<number> {
  const note = page.getByTestId("resume-note");
  if ((await note.count()) === 0) return -1;
  const at = /at (\d+):(\d{2})\.$/.exec((await note.textContent()) ?? "");
  return at ? Number(at[1]) * 60 + Number(at[2]) : -1;
}

/** Plays on for at most this long past the start before the test leaves the page. */
const DRIFT_SECONDS = 4;

/** The leaving position's beacon (not the 10-second or pause saves, which are tRPC calls), sent by a page that stays. */
const beacon = (page: Page) => page.waitForRequest((request) => request.method() === "POST" && /\/api\/videos\/[0-9a-f]{24}\/position$/.test(request.url()));

test("leaving mid-play, then coming back, resumes where I was", async ({ page, context }) => {
  // Long enough that a position a few seconds past each start is still resumed (not within 3 s of the end).
  const clip = await makeClip(24, "resume.mp4");
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
  await expect.poll(() => resumesAt(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
  expect(await resumesAt(page)).toBeLessThanOrEqual(6 + DRIFT_SECONDS);
  await expect.poll(() => player(page).evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 30_000 }).toBeGreaterThanOrEqual(6);

  // Another address typed in: the page unloads (pagehide); its beacon may land after the next page asked.
  await playFrom(page, 2);
  await page.goto("/videos");
  await expect(async () => {
    await page.goto(videoPath);
    await expect.poll(() => resumesAt(page), { timeout: 2_000 }).toBeGreaterThanOrEqual(2);
    expect(await resumesAt(page)).toBeLessThanOrEqual(2 + DRIFT_SECONDS);
  }).toPass({ timeout: 30_000 });

  // The tab closed: the beacon outlives it; a new tab resumes there.
  await playFrom(page, 7);
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await expect(async () => {
    await again.goto(videoPath);
    await expect.poll(() => resumesAt(again), { timeout: 2_000 }).toBeGreaterThanOrEqual(7);
    expect(await resumesAt(again)).toBeLessThanOrEqual(7 + DRIFT_SECONDS);
  }).toPass({ timeout: 30_000 });
  await expect.poll(() => player(again).evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 30_000 }).toBeGreaterThanOrEqual(7);
});
