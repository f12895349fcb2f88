import { expect, test, type Page } from "./support/test";
import { newPerson, openContext, signIn, signUp } from "./support/people";

/**
 * Chat end to end with two people in two browser contexts, both signed up
 * fresh (so no other spec's demo account is touched): a DM started from
 * "New message", messages both ways in real time, the typing line, receipts
 * turning to "Read", presence dropping to offline when one context closes,
 * messages sent meanwhile arriving when that person signs back in, and an
 * image upload shown to both.
 */
test.describe.configure({ timeout: 90_000 });

const messages = (page: Page) => page.getByRole("list", { name: "Messages" });
const message = (page: Page, text: string) => messages(page).getByRole("listitem").filter({ hasText: text });
const composer = (page: Page) => page.getByRole("textbox", { name: /^Message / });

/** Sends `text` with Enter; `shown` is how it reads once rendered (markdown applied). */
async function send(page: Page, text: string, shown = text): Promise<void> {
  await composer(page).fill(text);
  await composer(page).press("Enter");
  await expect(message(page, shown)).toBeVisible();
}

// A 1×1 PNG, enough for the server to sniff, re-encode and thumbnail.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

test("two people chat live: messages, typing, receipts, presence, offline catch-up and an image", async ({ browser, baseURL }) => {
  const ava = newPerson("Ava");
  const ben = newPerson("Ben");
  const a = await openContext(browser, baseURL);
  let b = await openContext(browser, baseURL);
  await Promise.all([signUp(a.page, ava), signUp(b.page, ben)]);

  // Ava starts a DM with Ben.
  await a.page.goto("/chat");
  await expect(a.page.getByText("No conversations yet")).toBeVisible();
  await a.page.getByRole("button", { name: "New message" }).first().click();
  await a.page.getByLabel("Search people").fill(ben.username);
  await a.page.getByRole("button", { name: `Message ${ben.name}` }).click();
  await expect(a.page).toHaveURL(/\/chat\/[^/?]+$/);
  const conversationPath = new URL(a.page.url()).pathname;
  await send(a.page, "Hello Ben, **welcome** to Casebook", "Hello Ben, welcome to Casebook");
  await expect(message(a.page, "Hello Ben").getByRole("img", { name: /^(Sent|Delivered)$/ })).toBeVisible();

  // Ben sees it in his sidebar with an unread badge, opens it: Ava's message turns to "Read".
  await b.page.goto("/chat");
  const benRow = b.page.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name: new RegExp(ava.name) });
  await expect(benRow).toContainText("1 unread");
  await benRow.click();
  await expect(b.page).toHaveURL((url) => url.pathname === conversationPath);
  await expect(message(b.page, "Hello Ben").locator("strong")).toHaveText("welcome");
  await expect(message(a.page, "Hello Ben").getByRole("img", { name: "Read" })).toBeVisible();

  // Both have the conversation open: each sees the other online.
  await expect(a.page.getByTestId("presence")).toHaveText("Online");
  await expect(b.page.getByTestId("presence")).toHaveText("Online");

  // Ben types: Ava sees the typing line (retried until Ben's channel subscription is up).
  await expect(async () => {
    await composer(b.page).pressSequentially("H");
    await expect(a.page.getByText("Ben is typing…")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await composer(b.page).fill("");

  // Real time both ways.
  await send(b.page, "Hi Ava, got it");
  await expect(message(a.page, "Hi Ava, got it")).toBeVisible();
  await expect(a.page.getByText("Ben is typing…")).toBeHidden();
  await send(a.page, "Great, talk soon");
  await expect(message(b.page, "Great, talk soon")).toBeVisible();

  // An image: upload with progress, then shown to both as a thumbnail.
  await a.page.getByLabel("Attach files").setInputFiles({ name: "dot.png", mimeType: "image/png", buffer: PNG });
  await expect(a.page.getByRole("list", { name: "Attachments" }).getByText(/Ready/)).toBeVisible();
  await a.page.getByRole("button", { name: "Send" }).click();
  await expect(a.page.getByRole("button", { name: "Open image dot.png" })).toBeVisible();
  await expect(b.page.getByRole("button", { name: "Open image dot.png" })).toBeVisible();

  // Ben leaves (his context closes): Ava sees him offline, then writes while he is away.
  await b.context.close();
  await expect(a.page.getByTestId("presence")).toHaveText(/Offline/);
  await send(a.page, "Message while you were away");
  await send(a.page, "And a second one");
  await expect(message(a.page, "And a second one").getByRole("img", { name: "Sent" })).toBeVisible();

  // Ben returns: both messages are there, in order, and Ava sees them read.
  b = await openContext(browser, baseURL);
  await signIn(b.page, ben);
  await b.page.goto(conversationPath);
  await expect(message(b.page, "Message while you were away")).toBeVisible();
  await expect(message(b.page, "And a second one")).toBeVisible();
  const texts = await messages(b.page).getByRole("listitem").allInnerTexts();
  const away = texts.findIndex((text) => text.includes("Message while you were away"));
  expect(away).toBeGreaterThan(-1);
  expect(texts.findIndex((text) => text.includes("And a second one"))).toBeGreaterThan(away);
  await expect(message(a.page, "And a second one").getByRole("img", { name: "Read" })).toBeVisible();
  await expect(a.page.getByTestId("presence")).toHaveText("Online");

  await Promise.all([a.context.close(), b.context.close()]);
});

test("messages written offline wait as 'sending' and go out in order on reconnect", async ({ browser, baseURL }) => {
  const cleo = newPerson("Cleo");
  const dan = newPerson("Dan");
  const c = await openContext(browser, baseURL);
  const d = await openContext(browser, baseURL);
  await Promise.all([signUp(c.page, cleo), signUp(d.page, dan)]);
  await c.page.goto("/chat");
  await c.page.getByRole("button", { name: "New message" }).first().click();
  await c.page.getByLabel("Search people").fill(dan.username);
  await c.page.getByRole("button", { name: `Message ${dan.name}` }).click();
  await expect(c.page).toHaveURL(/\/chat\/[^/?]+$/);
  const conversationPath = new URL(c.page.url()).pathname;
  await send(c.page, "Before going offline");

  await c.context.setOffline(true);
  await expect(c.page.getByText("You are offline.")).toBeVisible();
  await send(c.page, "Queued one");
  await send(c.page, "Queued two");
  await expect(message(c.page, "Queued two").getByRole("img", { name: /^(Waiting to send|Sending)$/ })).toBeVisible();
  await expect(c.page.getByText("2 messages will be sent when you are back online.")).toBeVisible();

  await c.context.setOffline(false);
  await expect(message(c.page, "Queued two").getByRole("img", { name: /^(Sent|Delivered)$/ })).toBeVisible();
  await expect(c.page.getByText("You are offline.")).toBeHidden();

  await d.page.goto(conversationPath);
  await expect(message(d.page, "Queued two")).toBeVisible();
  const texts = await messages(d.page).getByRole("listitem").allInnerTexts();
  const order = ["Before going offline", "Queued one", "Queued two"].map((text) => texts.findIndex((item) => item.includes(text)));
  expect(order.every((index) => index >= 0)).toBe(true);
  expect(order).toEqual([...order].sort((x, y) => x - y));
  await expect(messages(d.page).getByRole("listitem").filter({ hasText: "Queued one" })).toHaveCount(1);

  await Promise.all([c.context.close(), d.context.close()]);
});
