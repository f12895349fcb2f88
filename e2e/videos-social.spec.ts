import { newPerson, openContext, signUp } from "./support/people";
import { expect, test, type Page } from "./support/test";
import { makeClip } from "./support/video-clip";

/**
 * Video's social layer end to end, two people in two browser contexts: a fan
 * subscribes to a creator's channel; the creator uploads, and the fan's bell
 * announces the new video live; the fan likes it, comments, plays it, pauses
 * and leaves, finds it under "Continue watching" with a progress bar, comes
 * back and the player resumes where they stopped; the view is counted, the
 * video trends, and search finds it.
 */
test.describe.configure({ timeout: 240_000 });

const currentTime = (page: Page) => page.getByTestId("video-player").evaluate((element: HTMLVideoElement) => element.currentTime);

test("subscribe, get the new-upload notification live, like, comment, and resume where I stopped", async ({ page: creatorPage, browser, baseURL }) => {
  const clip = await makeClip(12, "social-clip.mp4");
  const creator = newPerson("Cora");
  const fan = newPerson("Finn");
  const { context: fanContext, page: fanPage } = await openContext(browser, baseURL);
  await Promise.all([signUp(creatorPage, creator), signUp(fanPage, fan)]);

  // The fan subscribes on the creator's (still empty) channel page.
  await fanPage.goto(`/videos/c/${creator.username}`);
  await expect(fanPage.getByRole("heading", { level: 1, name: creator.name })).toBeVisible();
  await expect(fanPage.getByText("This channel has not published a public video yet.")).toBeVisible();
  await fanPage.getByRole("button", { name: `Subscribe to ${creator.name}` }).click();
  await expect(fanPage.getByRole("button", { name: `Unsubscribe from ${creator.name}` })).toHaveAttribute("aria-pressed", "true");
  await expect(fanPage.getByText(/^@.* · 1 subscriber · 0 videos$/)).toBeVisible();

  // The creator uploads; the fan waits on the videos home.
  await fanPage.goto("/videos");
  await expect(fanPage.getByRole("region", { name: "From your subscriptions" }).getByText(/Subscribe to a channel/)).toBeVisible({ timeout: 30_000 });
  // The welcome notification every new account gets: the upload's comes on top of it.
  const bell = fanPage.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread", { timeout: 30_000 });
  await creatorPage.goto("/videos/upload");
  await creatorPage.getByLabel("Video file").setInputFiles(clip);
  await creatorPage.getByLabel("Title").fill("Pattern for my subscribers");
  await creatorPage.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(creatorPage.getByText("Your video is ready")).toBeVisible({ timeout: 180_000 });
  await creatorPage.getByRole("link", { name: "Watch it now" }).click();
  await expect(creatorPage).toHaveURL(/\/videos\/[0-9a-f]{24}$/);
  const videoPath = new URL(creatorPage.url()).pathname;

  // The bell rings live on the fan's open page (no reload), and the notification leads to the video.
  await expect(bell).toHaveAccessibleName("Notifications, 2 unread", { timeout: 30_000 });
  await bell.click();
  const panel = fanPage.getByRole("dialog", { name: "Notifications" });
  await expect(panel.getByText(`${creator.name} uploaded a video`)).toBeVisible();
  await panel.getByText("Pattern for my subscribers").click();
  await expect(fanPage).toHaveURL((url) => url.pathname === videoPath);

  // Watch page: the channel with its count, like, comment.
  await expect(fanPage.getByRole("heading", { level: 1, name: "Pattern for my subscribers" })).toBeVisible();
  await expect(fanPage.getByText("1 subscriber", { exact: true })).toBeVisible();
  await fanPage.getByRole("button", { name: "Like (0)", exact: true }).click();
  await expect(fanPage.getByRole("button", { name: "Like (1)", exact: true })).toHaveAttribute("aria-pressed", "true");
  await fanPage.getByLabel("Add a comment").fill("Lovely colours!");
  await fanPage.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(fanPage.getByRole("list", { name: "Comments" }).getByText("Lovely colours!")).toBeVisible();
  await expect(fanPage.getByRole("heading", { name: "1 comment" })).toBeVisible();

  // Play, jump to 5 s and pause: the pause saves the position.
  const video = fanPage.getByTestId("video-player");
  await video.evaluate((element: HTMLVideoElement) => {
    element.muted = true;
    void element.play();
  });
  await expect.poll(() => currentTime(fanPage), { timeout: 30_000 }).toBeGreaterThan(0.5);
  const saved = fanPage.waitForResponse((response) => response.url().includes("videos.history.savePosition") && response.ok());
  await video.evaluate((element: HTMLVideoElement) => {
    element.currentTime = 5;
    element.pause();
  });
  await saved;

  // Leave: "Continue watching" has it, with how far I got.
  await fanPage.goto("/videos");
  const continuing = fanPage.getByRole("region", { name: "Continue watching" });
  await expect(continuing.getByRole("link", { name: /Pattern for my subscribers/ })).toBeVisible();
  await expect(continuing.getByRole("progressbar", { name: "Watched" })).toHaveAttribute("aria-valuenow", /^(3[5-9]|4[0-9])$/);
  await expect(fanPage.getByRole("region", { name: "From your subscriptions" }).getByRole("link", { name: /Pattern for my subscribers/ })).toBeVisible();

  // Come back: the player resumes at the saved position.
  await continuing.getByRole("link", { name: /Pattern for my subscribers/ }).click();
  await expect(fanPage.getByTestId("resume-note")).toHaveText(/at 0:0[45]\.$/);
  await expect.poll(() => currentTime(fanPage), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);

  // The view was counted once (the worker adds buffered views every few seconds).
  await expect(async () => {
    await creatorPage.reload();
    // The video's own count: "Up next" beside it lists other videos with theirs.
    const details = creatorPage.getByRole("article").filter({ has: creatorPage.getByRole("heading", { level: 1 }) });
    await expect(details.getByText("1 view", { exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });

  // Its view puts it in Trending, and search finds it by its title's words (stemmed), until a filter leaves it out.
  await fanPage.goto("/videos");
  await expect(fanPage.getByRole("region", { name: "Trending" }).getByRole("link", { name: /Pattern for my subscribers/ }).first()).toBeVisible();
  await fanPage.getByLabel("Search videos").fill("subscriber pattern");
  await fanPage.getByRole("button", { name: "Search", exact: true }).click();
  await expect(fanPage).toHaveURL(/\/videos\/search\?q=subscriber\+pattern/);
  await expect(fanPage.getByRole("list", { name: "Search results" }).getByRole("link", { name: /Pattern for my subscribers/ }).first()).toBeVisible();
  await fanPage.getByLabel("Length").selectOption("long");
  await expect(fanPage.getByText("No videos found")).toBeVisible();

  await fanContext.close();
});
