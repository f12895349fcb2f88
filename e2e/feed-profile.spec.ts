import { expect as baseExpect, test, type Page } from "./support/test";
import { newPerson, openContext, signUp } from "./support/people";

/**
 * Feed profiles beyond posts, with two people signed up fresh: Fay edits her
 * bio; Gus follows her, likes and bookmarks her post; his bookmarks page and
 * his profile's likes tab list it, her followers list shows him, and her
 * bell groups likes into one line.
 */
test.describe.configure({ timeout: 240_000 });
// Production pages for several people at once on two busy cores: a page load can pass 10 s.
const expect = baseExpect.configure({ timeout: 30_000 });

const post = (page: Page, author: string, text: string) => page.getByRole("article", { name: `Post by ${author}` }).filter({ hasText: text });

test("bio, followers list, bookmarks page and likes tab", async ({ browser, baseURL }) => {
  const fay = newPerson("Fay");
  const gus = newPerson("Gus");
  const f = await openContext(browser, baseURL);
  const g = await openContext(browser, baseURL);
  await Promise.all([signUp(f.page, fay), signUp(g.page, gus)]);

  // Fay writes her bio from her own profile, and a post.
  await f.page.goto(`/feed/u/${fay.username}`);
  await f.page.getByRole("button", { name: "Edit bio" }).click();
  await f.page.getByRole("dialog").getByLabel("Bio").fill("Gardener and <b>not</b> HTML");
  await f.page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(f.page.locator("p").filter({ hasText: "Gardener and <b>not</b> HTML" })).toBeVisible();
  const text = `Tomatoes are in ${Date.now()}`;
  await f.page.goto("/feed");
  await f.page.getByLabel("New post").fill(text);
  await f.page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(post(f.page, fay.name, text)).toBeVisible();

  // Gus follows her, likes and bookmarks the post from her profile.
  await g.page.goto(`/feed/u/${fay.username}`);
  await expect(g.page.locator("p").filter({ hasText: "Gardener and <b>not</b> HTML" })).toBeVisible();
  await g.page.getByRole("button", { name: `Follow ${fay.name}` }).click();
  await expect(g.page.getByRole("button", { name: `Unfollow ${fay.name}` })).toBeVisible();
  const hers = post(g.page, fay.name, text);
  await hers.getByRole("button", { name: "Like", exact: true }).click();
  await expect(hers.getByRole("button", { name: "Unlike" })).toBeVisible();
  await hers.getByRole("button", { name: "Bookmark", exact: true }).click();
  await expect(hers.getByRole("button", { name: "Remove bookmark" })).toBeVisible();

  await g.page.getByRole("link", { name: /1 Followers/ }).click();
  await expect(g.page).toHaveURL(new RegExp(`/feed/u/${fay.username}/followers$`));
  await expect(g.page.getByRole("link", { name: new RegExp(gus.name) })).toBeVisible();

  await g.page.goto("/feed/bookmarks");
  await expect(post(g.page, fay.name, text)).toBeVisible();
  await g.page.goto(`/feed/u/${gus.username}`);
  await g.page.getByRole("tab", { name: "likes" }).click();
  await expect(post(g.page, fay.name, text)).toBeVisible();

  await f.page.goto("/notifications");
  await expect(f.page.getByText(`${gus.name} liked your post`)).toBeVisible();
  await Promise.all([f.context.close(), g.context.close()]);
});
