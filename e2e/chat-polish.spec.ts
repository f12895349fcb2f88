import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "./support/test";
import { newPerson, openContext, signUp } from "./support/people";
import { withShopDatabase } from "./support/shop-fixtures";

/**
 * What a new Chat user tripped on: the reaction picker on someone else's
 * message opened past the pane; the DM header and the sidebar dot disagreed
 * about presence; the conversation open on screen left bell entries unread.
 */
test.describe.configure({ timeout: 120_000 });

const messages = (page: Page) => page.getByRole("list", { name: "Messages" });
const message = (page: Page, text: string) => messages(page).getByRole("listitem").filter({ hasText: text });
const composer = (page: Page) => page.getByRole("textbox", { name: /^Message / });

async function send(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await composer(page).press("Enter");
  await expect(message(page, text)).toBeVisible();
}

/** Ava signs up and starts a DM with Ben (also new); both end on the conversation. */
async function startDm(browser: Browser, baseURL: string | undefined) {
  const ava = newPerson("Ava");
  const ben = newPerson("Ben");
  const a = await openContext(browser, baseURL);
  const b = await openContext(browser, baseURL);
  await Promise.all([signUp(a.page, ava), signUp(b.page, ben)]);
  await a.page.goto("/chat");
  await a.page.getByRole("button", { name: "New message" }).first().click();
  await a.page.getByLabel("Search people").fill(ben.username);
  await a.page.getByRole("button", { name: `Message ${ben.name}` }).click();
  await expect(a.page).toHaveURL(/\/chat\/[^/?]+$/);
  const path = new URL(a.page.url()).pathname;
  return { ava, ben, a, b, path };
}

function unreadChatNotifications(username: string): Promise<number> {
  return withShopDatabase(async (client) => {
    const result = await client.query<{ count: string }>(
      `SELECT count(*) FROM notification n JOIN "user" u ON u.id = n."userId"
        WHERE u.username = $1 AND n.kind LIKE 'chat.%' AND n."readAt" IS NULL`,
      [username],
    );
    return Number(result.rows[0]?.count ?? 0);
  });
}

test("the reaction picker on someone else's message opens inside the window, and its first emoji can be clicked", async ({ browser, baseURL }) => {
  const { a, b, path } = await startDm(browser, baseURL);
  await send(a.page, "React to this one");
  await b.page.goto(path);

  // The first emoji (👍) adds my reaction on a wide screen, and on a phone takes it back.
  for (const [width, reacted] of [
    [1280, true],
    [390, false],
  ] as const) {
    await b.page.setViewportSize({ width, height: 720 });
    const incoming = message(b.page, "React to this one");
    await incoming.hover();
    await incoming.getByRole("button", { name: "React", exact: true }).click();
    const picker = b.page.getByRole("menu", { name: "React" });
    await expect(picker).toBeVisible();
    const box = await picker.boundingBox();
    expect(box, "the picker has a box").not.toBeNull();
    if (box) {
      expect(box.x, `left edge at ${width} px`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `right edge at ${width} px`).toBeLessThanOrEqual(width);
      expect(box.y + box.height).toBeLessThanOrEqual(720);
    }
    // The first emoji, clicked with the mouse (no keyboard, no force).
    await picker.getByRole("menuitem").first().click();
    await expect(incoming.getByRole("button", { name: "👍 1, including you" })).toHaveCount(reacted ? 1 : 0);
  }
  await Promise.all([a.context.close(), b.context.close()]);
});

test("search results say which conversation, call my own messages 'You', and show the words around the hit", async ({ browser, baseURL }) => {
  const { ben, a, b } = await startDm(browser, baseURL);
  await send(a.page, "Shall we order the pineapple pizza for tonight's team dinner after the review?");
  await a.page.getByRole("searchbox", { name: "Search messages" }).fill("pineapple");
  const result = a.page.getByRole("list", { name: "Search results" }).getByRole("listitem").first();
  await expect(result.getByTestId("search-result-conversation")).toHaveText(ben.name);
  await expect(result.getByTestId("search-result-snippet")).toHaveText(/^You: .*pineapple pizza/);
  await Promise.all([a.context.close(), b.context.close()]);
});

test("presence has one answer: the DM header and the sidebar agree, online and after leaving", async ({ browser, baseURL }) => {
  const { ben, a, b, path } = await startDm(browser, baseURL);
  await send(a.page, "Are you there?");
  await b.page.goto(path);
  await expect(message(b.page, "Are you there?")).toBeVisible({ timeout: 30_000 });

  const row = a.page.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name: new RegExp(ben.name) });
  await expect(a.page.getByTestId("presence")).toHaveText("Online");
  await expect(row).toHaveAccessibleName(/, online/);

  // Ben closes the app: both views say offline, together.
  await b.context.close();
  await expect(a.page.getByTestId("presence")).toHaveText(/^Offline/);
  await expect(row).not.toHaveAccessibleName(/, online/);
  await a.context.close();
});

test("reading a conversation reads its notifications, and a message read on arrival leaves nothing unread", async ({ browser, baseURL }) => {
  const { ben, a, b, path } = await startDm(browser, baseURL);
  // Ben's bell already holds his unread welcome.
  const bell = b.page.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await send(a.page, "First, while you were elsewhere");
  await expect.poll(() => unreadChatNotifications(ben.username)).toBe(1);
  await expect(bell).toHaveAccessibleName("Notifications, 2 unread");

  // Ben opens the conversation: its notification turns read, and the bell says so.
  await b.page.goto(path);
  await expect(message(b.page, "First, while you were elsewhere")).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => unreadChatNotifications(ben.username)).toBe(0);
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");

  // With the conversation on screen, a new message is simply read: no toast, nothing left unread.
  await send(a.page, "Second, while you are reading");
  await expect(message(b.page, "Second, while you are reading")).toBeVisible();
  await expect(message(a.page, "Second, while you are reading").getByRole("img", { name: "Read" })).toBeVisible();
  await expect.poll(() => unreadChatNotifications(ben.username)).toBe(0);
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await Promise.all([a.context.close(), b.context.close()]);
});

test("a long word without spaces wraps inside its bubble on a phone, for the sender and the reader", async ({ browser, baseURL }) => {
  const { a, b, path } = await startDm(browser, baseURL);
  const word = `${"Long".repeat(40)}Word`;
  await send(a.page, word);
  await b.page.goto(path);
  for (const page of [a.page, b.page]) {
    await page.setViewportSize({ width: 390, height: 780 });
    const bubble = message(page, word).getByText(word);
    await expect(bubble).toBeVisible();
    const box = await bubble.boundingBox();
    expect(box, "the message has a box").not.toBeNull();
    if (box) {
      expect(box.x, "the bubble starts on screen").toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, "the bubble ends on screen").toBeLessThanOrEqual(390);
    }
  }
  await Promise.all([a.context.close(), b.context.close()]);
});

test("on a phone, a conversation that is not mine leads back to my conversations instead of a 'Try again' that cannot help", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 780 });
  await signUp(page, newPerson("Ava"));
  await page.goto(`/chat/${randomUUID()}`);
  await expect(page.getByText("This conversation is not available")).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await page.getByRole("link", { name: "Back to your conversations" }).click();
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByRole("button", { name: "New message" }).first()).toBeVisible();
});
