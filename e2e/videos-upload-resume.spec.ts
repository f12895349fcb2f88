import type { Request, Route } from "@playwright/test";
import { newPerson, signUp } from "./support/people";
import { expect, test, type Page } from "./support/test";
import { makeClip } from "./support/video-clip";

/**
 * Resumable uploads as a person meets them: the e2e stack takes chunks of
 * 64 KiB (VIDEO_UPLOAD_CHUNK_BYTES in scripts/test.ts), so a small clip goes
 * up in several PATCHes. A connection that drops mid-way, and a reload of the
 * page, both continue from the last chunk the server kept (never from the
 * start), and the video made of the pieces transcodes to ready.
 */
test.describe.configure({ timeout: 240_000 });

const UPLOADS = "**/api/videos/uploads**";

/** The Upload-Offset of every PATCH that reached the server, in order. */
function offsetsSent(page: Page): number[] {
  const offsets: number[] = [];
  page.on("requestfinished", (request: Request) => {
    if (request.method() === "PATCH" && request.url().includes("/api/videos/uploads/")) offsets.push(Number(request.headers()["upload-offset"]));
  });
  return offsets;
}

async function chooseClip(page: Page, clip: string, title: string) {
  await page.goto("/videos/upload");
  await page.getByLabel("Video file").setInputFiles(clip);
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Upload", exact: true }).click();
}

test("a connection dropped mid-upload continues from the last whole chunk, and the video gets ready", async ({ page }) => {
  const clip = await makeClip(3, "dropped.mp4");
  await signUp(page, newPerson("Dropper"));
  const offsets = offsetsSent(page);
  let patches = 0;
  await page.route(UPLOADS, async (route: Route) => {
    // The third PATCH never arrives: the connection resets under it.
    if (route.request().method() === "PATCH" && ++patches === 3) return route.abort("connectionreset");
    return route.continue();
  });

  await chooseClip(page, clip, "Dropped and resumed");
  await expect(page.getByText("Your video is ready")).toBeVisible({ timeout: 200_000 });
  expect(patches).toBeGreaterThan(3);
  // Each chunk once, in order, the lost one sent again: nothing started over.
  expect(offsets.length).toBeGreaterThanOrEqual(3);
  expect(offsets[0]).toBe(0);
  for (let index = 1; index < offsets.length; index++) expect(offsets[index]).toBe((offsets[index - 1] ?? 0) + 64 * 1024);
});

test("a reload mid-upload picks the same file up where it stopped", async ({ page }) => {
  const clip = await makeClip(3, "reloaded.mp4");
  await signUp(page, newPerson("Reloader"));
  const offsets = offsetsSent(page);
  let patches = 0;
  await page.route(UPLOADS, async (route: Route) => {
    // After two chunks the network stalls (the third PATCH gets no answer), and the person reloads the page.
    if (route.request().method() === "PATCH" && ++patches >= 3) return;
    return route.continue();
  });
  await chooseClip(page, clip, "Reloaded");
  await expect.poll(() => patches).toBe(3);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  let creationsAfterReload = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/api/videos/uploads")) creationsAfterReload++;
  });

  await chooseClip(page, clip, "Reloaded");
  await expect(page.getByText("Your video is ready")).toBeVisible({ timeout: 200_000 });
  // No second video, and no chunk sent twice: the upload went on from where the server stopped (the stalled
  // third chunk may or may not have reached it before the reload).
  expect(creationsAfterReload).toBe(0);
  expect(offsets.slice(0, 2)).toEqual([0, 64 * 1024]);
  expect(offsets.length).toBeGreaterThan(2);
  expect(new Set(offsets).size).toBe(offsets.length);
  await page.goto("/videos/mine");
  await expect(page.getByRole("list", { name: "My videos" }).getByRole("listitem")).toHaveCount(1);
});
