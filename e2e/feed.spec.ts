import { expect, test, type Page } from "./support/test";
import { newPerson, openContext, signUp } from "./support/people";

/**
 * Feed end to end with two people in two browser contexts, both signed up
 * fresh: Alice follows Bob from his profile; with her timeline open, Bob
 * posts; the fan-out job and the realtime gateway bring her a "new posts"
 * pill, which loads his post in place; she likes it (the count moves at once
 * and stays) and replies from the post page; Bob's notifications say so.
 */
test.describe.configure({ timeout: 150_000 });

const post = (page: Page, author: string, text: string) => page.getByRole("article", { name: `Post by ${author}` }).filter({ hasText: text });

test("alice follows bob, sees his new post arrive live, likes it and replies", async ({ browser, baseURL }) => {
  const alice = newPerson("Alice");
  const bob = newPerson("Bob");
  const a = await openContext(browser, baseURL);
  const b = await openContext(browser, baseURL);
  await Promise.all([signUp(a.page, alice), signUp(b.page, bob)]);

  // Alice finds Bob's profile and follows him: his follower count and her button change.
  await a.page.goto(`/feed/u/${bob.username}`);
  await expect(a.page.getByRole("heading", { name: bob.name })).toBeVisible();
  await a.page.getByRole("button", { name: `Follow ${bob.name}` }).click();
  await expect(a.page.getByRole("button", { name: `Unfollow ${bob.name}` })).toHaveText("Following");
  await expect(a.page.getByText("1 Followers", { exact: true })).toBeVisible();

  // Alice's timeline is open (and so in Redis, where fan-out writes). Bob posts until her pill shows it:
  // the first post may come before her channel subscription is up.
  await a.page.goto("/feed");
  await expect(a.page.getByText("Your timeline is empty")).toBeVisible();
  let attempt = 0;
  let text = "";
  await expect(async () => {
    attempt += 1;
    text = `Hello from Bob, try ${attempt} #e2e`;
    await b.page.goto("/feed");
    await b.page.getByLabel("New post").fill(text);
    await expect(b.page.getByText(/\d+ left/)).toBeVisible();
    await b.page.getByRole("button", { name: "Post", exact: true }).click();
    await expect(post(b.page, bob.name, text)).toBeVisible();
    await expect(a.page.getByRole("button", { name: /^Show \d+ new posts?$/ })).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 90_000 });

  await a.page.getByRole("button", { name: /^Show \d+ new posts?$/ }).click();
  const bobsPost = post(a.page, bob.name, text);
  await expect(bobsPost).toBeVisible();
  await expect(bobsPost.getByRole("link", { name: "#e2e" })).toHaveAttribute("href", "/feed/tag/e2e");

  // The like shows at once and holds after the server answers, and after a reload.
  // A screen reader hears the count too: the name says what the button does, its description how many.
  await expect(bobsPost.getByRole("button", { name: "Like", exact: true })).toHaveAccessibleDescription("0 likes");
  await expect(bobsPost.getByRole("button", { name: "Repost", exact: true })).toHaveAccessibleDescription("0 reposts");
  await bobsPost.getByRole("button", { name: "Like", exact: true }).click();
  await expect(bobsPost.getByRole("button", { name: "Unlike" })).toHaveAttribute("aria-pressed", "true");
  await expect(bobsPost.getByRole("button", { name: "Unlike" })).toHaveText("1");
  await expect(bobsPost.getByRole("button", { name: "Unlike" })).toHaveAccessibleDescription("1 like");
  await a.page.reload();
  await expect(post(a.page, bob.name, text).getByRole("button", { name: "Unlike" })).toHaveText("1");

  // A reply from the post page joins the thread.
  await post(a.page, bob.name, text).getByRole("link", { name: /^Reply/ }).click();
  await expect(a.page).toHaveURL(/\/feed\/posts\/\d+$/);
  await a.page.getByLabel("Your reply").fill("Welcome to the feed, Bob!");
  await a.page.getByRole("button", { name: "Reply", exact: true }).click();
  const reply = post(a.page, alice.name, "Welcome to the feed, Bob!");
  await expect(reply).toBeVisible();
  await expect(reply.getByText(`Replying to @${bob.username}`)).toBeVisible();

  // Bob hears about all three.
  await b.page.goto("/notifications");
  await expect(b.page.getByText(`${alice.name} followed you`)).toBeVisible({ timeout: 30_000 });
  await expect(b.page.getByText(`${alice.name} liked your post`)).toBeVisible({ timeout: 30_000 });
  await expect(b.page.getByText(`${alice.name} replied to your post`)).toBeVisible({ timeout: 30_000 });
  await Promise.all([a.context.close(), b.context.close()]);
});

test("on a 360 px phone a post's actions stay inside its card, for its author and for everyone else", async ({ browser, baseURL }) => {
  const alice = newPerson("Alice");
  const bob = newPerson("Bob");
  const a = await openContext(browser, baseURL);
  const b = await openContext(browser, baseURL);
  await Promise.all([signUp(a.page, alice), signUp(b.page, bob)]);
  const tag = `phone${Date.now().toString(36)}`;
  const text = `Fits on a phone #${tag}`;
  await b.page.goto("/feed");
  await b.page.getByLabel("New post").fill(text);
  await b.page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(post(b.page, bob.name, text)).toBeVisible();

  for (const [page, lastAction] of [
    [b.page, "Delete"],
    [a.page, `Report post by ${bob.name}`],
  ] as const) {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`/feed/tag/${tag}`);
    const card = post(page, bob.name, text);
    const action = card.getByRole("button", { name: lastAction, exact: true });
    await expect(action).toBeVisible();
    const [cardBox, actionBox] = await Promise.all([card.boundingBox(), action.boundingBox()]);
    expect(cardBox && actionBox, "the card and its last action have boxes").toBeTruthy();
    if (cardBox && actionBox) expect(actionBox.x + actionBox.width, `${lastAction} ends inside the card`).toBeLessThanOrEqual(cardBox.x + cardBox.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }
  // The icon still does its job.
  await post(a.page, bob.name, text).getByRole("button", { name: `Report post by ${bob.name}` }).click();
  await expect(a.page.getByRole("dialog", { name: "Report this post" })).toBeVisible();
  await Promise.all([a.context.close(), b.context.close()]);
});
