import { newPerson, openContext, signUp } from "./support/people";
import { expect, test } from "./support/test";
import { publishStoredVideos } from "./support/video-fixtures";

/**
 * My subscriptions, as a viewer finds them: from the Video navigation, an
 * empty page that points to discovery; after subscribing on a channel's
 * page, the channel is listed and its videos come newest first, 24 a page,
 * the rest behind "Load more".
 */
// Two sign-ups and a dozen page loads: on the shared 2 cores under load this passes 30 s.
test.describe.configure({ timeout: 120_000 });

test("my subscriptions lists the channels I follow and their videos newest first, page by page", async ({ page, browser, baseURL }) => {
  const creator = newPerson("Cora");
  const { page: creatorPage } = await openContext(browser, baseURL);
  await Promise.all([signUp(page, newPerson("Sami")), signUp(creatorPage, creator)]);
  const title = `Stored clip ${Date.now().toString(36)}`;
  await publishStoredVideos(creator.username, title, 25);

  // Nothing yet: the page says so and leads to discovery.
  await page.goto("/videos");
  await page.getByRole("link", { name: "Subscriptions", exact: true }).click();
  await expect(page).toHaveURL(/\/videos\/subscriptions$/);
  await expect(page.getByText("No subscriptions yet")).toBeVisible();
  await page.getByRole("link", { name: "Discover videos" }).click();
  await expect(page).toHaveURL(/\/videos$/);

  await page.goto(`/videos/c/${creator.username}`);
  await page.getByRole("button", { name: `Subscribe to ${creator.name}` }).click();
  await expect(page.getByRole("button", { name: `Unsubscribe from ${creator.name}` })).toBeVisible();

  // From the home page's subscriptions row to the whole list.
  await page.goto("/videos");
  await page.getByRole("link", { name: "All subscriptions" }).click();
  await expect(page).toHaveURL(/\/videos\/subscriptions$/);
  await expect(page.getByRole("list", { name: "Channels you subscribe to" }).getByRole("link")).toHaveText([new RegExp(`${creator.name}\\s*25 videos`)]);
  const videos = page.getByRole("list", { name: "Videos from your subscriptions" }).getByRole("listitem");
  await expect(videos).toHaveCount(24);
  await expect(videos.first()).toContainText(`${title} 25`);
  await expect(videos.last()).toContainText(`${title} 02`);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(videos).toHaveCount(25);
  await expect(videos.last()).toContainText(`${title} 01`);
  await expect(page.getByRole("button", { name: "Load more" })).toBeHidden();
});
