import { expect as baseExpect, test, type Page } from "./support/test";
import { newPerson, openContext, openDemoAdmin, signUp, type Person } from "./support/people";

/**
 * Feed's social layer end to end, with people signed up fresh in their own
 * browser contexts: a block shuts the blocked person out, a report reaches
 * the administrators' queue and a removal takes the post away for everyone;
 * search finds a post by a word and by its hashtag.
 */
test.describe.configure({ timeout: 240_000 });
// Pages here wait on production builds of several people at once on two busy cores: a page load can pass 10 s.
const expect = baseExpect.configure({ timeout: 30_000 });

const post = (page: Page, author: string, text: string) => page.getByRole("article", { name: `Post by ${author}` }).filter({ hasText: text });

async function compose(page: Page, text: string, author: Person): Promise<string> {
  await page.goto("/feed");
  await page.getByLabel("New post").fill(text);
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(post(page, author.name, text)).toBeVisible();
  await post(page, author.name, text).getByRole("link", { name: /^Reply/ }).click();
  await expect(page).toHaveURL(/\/feed\/posts\/\d+$/);
  return new URL(page.url()).pathname;
}

test("bob blocks alice: she no longer sees his posts and cannot follow him back", async ({ browser, baseURL }) => {
  const alice = newPerson("Alice");
  const bob = newPerson("Bob");
  const a = await openContext(browser, baseURL);
  const b = await openContext(browser, baseURL);
  await Promise.all([signUp(a.page, alice), signUp(b.page, bob)]);

  const text = `Only for friends ${Date.now()}`;
  const postPath = await compose(b.page, text, bob);
  await a.page.goto(`/feed/u/${bob.username}`);
  await a.page.getByRole("button", { name: `Follow ${bob.name}` }).click();
  await expect(a.page.getByRole("button", { name: `Unfollow ${bob.name}` })).toBeVisible();
  await a.page.goto("/feed");
  await expect(post(a.page, bob.name, text)).toBeVisible();

  // Bob blocks Alice from her profile, after confirming.
  await b.page.goto(`/feed/u/${alice.username}`);
  await b.page.getByRole("button", { name: `More actions for ${alice.name}` }).click();
  await b.page.getByRole("menuitem", { name: `Block @${alice.username}` }).click();
  await b.page.getByRole("dialog").getByRole("button", { name: "Block", exact: true }).click();
  await expect(b.page.getByText(`You blocked @${alice.username}`)).toBeVisible();

  // Alice: gone from her timeline, his profile and his post's page; no way to follow again.
  await a.page.goto("/feed");
  await expect(a.page.getByText("Your timeline is empty")).toBeVisible();
  await expect(post(a.page, bob.name, text)).toHaveCount(0);
  await a.page.goto(`/feed/u/${bob.username}`);
  await expect(a.page.getByText(`@${bob.username} blocked you`)).toBeVisible();
  await expect(a.page.getByRole("button", { name: `Follow ${bob.name}` })).toHaveCount(0);
  await a.page.goto(postPath);
  await expect(a.page.getByText("This post is not here")).toBeVisible();
  await Promise.all([a.context.close(), b.context.close()]);
});

test("a reported post reaches the admins' queue, and removing it takes it away", async ({ browser, baseURL }) => {
  const carol = newPerson("Carol");
  const dan = newPerson("Dan");
  const c = await openContext(browser, baseURL);
  const d = await openContext(browser, baseURL);
  await Promise.all([signUp(c.page, carol), signUp(d.page, dan)]);

  const text = `Buy cheap followers ${Date.now()}`;
  const postPath = await compose(c.page, text, carol);

  await d.page.goto(postPath);
  await post(d.page, carol.name, text).getByRole("button", { name: `Report post by ${carol.name}` }).click();
  const dialog = d.page.getByRole("dialog", { name: "Report this post" });
  await dialog.getByLabel("Spam or scam").check();
  await dialog.getByLabel("Anything to add? (optional)").fill("Selling followers");
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(d.page.getByText("Thanks for reporting")).toBeVisible();

  const admin = await openDemoAdmin(browser, baseURL);
  await admin.goto("/feed/admin/reports");
  const reported = admin.getByRole("listitem").filter({ hasText: text });
  await expect(reported).toBeVisible();
  await expect(reported.getByText("Selling followers")).toBeVisible();
  await reported.getByRole("button", { name: "Remove post" }).click();
  await expect(admin.getByText("Post removed")).toBeVisible();
  await expect(reported).toHaveCount(0);

  // Ordinary people are kept out of the queue, and the post is gone for everyone.
  await d.page.goto("/feed/admin/reports");
  await expect(d.page.getByText("Reported posts")).toHaveCount(0);
  await c.page.goto(postPath);
  await expect(c.page.getByText("This post is not here")).toBeVisible();
  await Promise.all([c.context.close(), d.context.close(), admin.context().close()]);
});

test("search finds a post by a word and by its hashtag, with the words highlighted", async ({ browser, baseURL }) => {
  const erin = newPerson("Erin");
  const e = await openContext(browser, baseURL);
  await signUp(e.page, erin);
  const word = `kumquat${Date.now().toString(36)}`;
  const text = `Fresh ${word} salad for lunch #${word}tag`;
  await compose(e.page, text, erin);

  await e.page.goto("/feed/explore");
  await expect(e.page.getByRole("heading", { name: "Trending today" })).toBeVisible();
  await expect(e.page.getByRole("heading", { name: "Who to follow" })).toBeVisible();
  await e.page.getByLabel("Search Feed").fill(word);
  await e.page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(e.page).toHaveURL(new RegExp(`q=${word}`));
  const hit = post(e.page, erin.name, text);
  await expect(hit).toBeVisible();
  await expect(hit.locator("mark").first()).toHaveText(word);

  await e.page.goto(`/feed/explore?q=${encodeURIComponent(`#${word}tag`)}`);
  await expect(post(e.page, erin.name, text)).toBeVisible();
  await e.page.goto(`/feed/explore?${new URLSearchParams({ q: erin.username, tab: "people" })}`);
  await expect(e.page.getByRole("link", { name: new RegExp(erin.name) })).toBeVisible();
  await e.context.close();
});
