import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { TYPESCRIPT_NODE_ARGS } from "../scripts/node/node-args";
import { expect, test, type Page } from "./support/test";

/**
 * Notifications end to end: a real notification sent from outside the browser
 * (e2e/support/send-notification.ts calls the same notify() the worker uses)
 * reaches the signed-in user's open page over the realtime gateway.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const BOB = { email: "bob@casebook.dev", password: "casebook-demo" };

// Both tests read and change Bob's unread count: run them one after the other.
// Each send starts a Node process (tsx + Prisma): a few seconds on a busy machine.
test.describe.configure({ mode: "serial", timeout: 60_000 });

/** Sends one notification per title, oldest first, through the real notify() (one process for all of them). */
async function sendNotifications(titles: string[], body?: string): Promise<void> {
  const args = [...TYPESCRIPT_NODE_ARGS, "e2e/support/send-notification.ts", "--email", BOB.email, "--kind", "e2e.ping", ...titles.flatMap((title) => ["--title", title])];
  if (body) args.push("--body", body);
  await promisify(execFile)(process.execPath, args, { cwd: ROOT, env: process.env });
}

/** Resolves once the gateway confirms the page's subscription to its user channel: from then on, pushes arrive. */
function userChannelSubscribed(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on("websocket", (socket) => {
      socket.on("framereceived", ({ payload }) => {
        const text = typeof payload === "string" ? payload : payload.toString();
        if (text.includes("pusher_internal:subscription_succeeded") && text.includes('"private-user-')) resolve();
      });
    });
  });
}

async function signInAsBob(page: Page): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email or username").fill(BOB.email);
  await page.getByLabel("Password", { exact: true }).fill(BOB.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
}

async function unreadBadge(page: Page): Promise<number> {
  const badge = page.getByTestId("notification-count");
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

test("a notification sent from outside arrives live: badge, toast, then mark all read", async ({ page }) => {
  const subscribed = userChannelSubscribed(page);
  await signInAsBob(page);
  const bell = page.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toBeVisible();
  await subscribed;
  const before = await unreadBadge(page);
  // Marks the document: a reload would lose it.
  await page.evaluate(() => Object.assign(window, { casebookSamePage: true }));

  const title = `Ping ${randomUUID().slice(0, 8)}`;
  await sendNotifications([title], "Sent by the end-to-end test.");

  // Greater, not exactly +1: another spec may notify Bob meanwhile.
  await expect.poll(() => unreadBadge(page)).toBeGreaterThan(before);
  await expect(bell).toHaveAccessibleName(/^Notifications, \d+ unread$/);
  await expect(page.getByRole("status").filter({ hasText: title })).toBeVisible();
  expect(await page.evaluate(() => "casebookSamePage" in window)).toBe(true);

  await bell.click();
  const panel = page.getByRole("dialog", { name: "Notifications" });
  const item = panel.getByRole("listitem").filter({ hasText: title });
  await expect(item).toBeVisible();
  await expect(item).toContainText("Sent by the end-to-end test.");
  await panel.getByRole("button", { name: "Mark all read" }).click();

  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await expect(bell).toHaveAccessibleName("Notifications");
  await expect(panel.getByRole("button", { name: "Mark all read" })).toBeDisabled();
});

test("the notifications page lists them, filters unread and marks one read", async ({ page }) => {
  const subscribed = userChannelSubscribed(page);
  await signInAsBob(page);
  await subscribed;
  const older = `Older ${randomUUID().slice(0, 8)}`;
  const newer = `Newer ${randomUUID().slice(0, 8)}`;
  await sendNotifications([older, newer]);

  await page.getByRole("button", { name: /^Notifications/ }).click();
  await page.getByRole("link", { name: "See all notifications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();

  const list = page.getByRole("listitem");
  await expect(list.filter({ hasText: newer })).toBeVisible();
  await expect(list.filter({ hasText: older })).toBeVisible();
  // Newest first.
  const texts = await list.allTextContents();
  expect(texts.findIndex((text) => text.includes(newer))).toBeLessThan(texts.findIndex((text) => text.includes(older)));

  await page.getByRole("button", { name: /^Unread/ }).click();
  await expect(list.filter({ hasText: newer })).toBeVisible();
  await list.filter({ hasText: newer }).getByRole("button", { name: /^Mark read:/ }).click();
  await expect(list.filter({ hasText: newer })).toHaveCount(0);
  await expect(list.filter({ hasText: older })).toBeVisible();

  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByText("You're all caught up")).toBeVisible();
  await expect(page.getByTestId("notification-count")).toHaveCount(0);

  // A new one appears at the top of the open page without a reload.
  const live = `Live ${randomUUID().slice(0, 8)}`;
  await sendNotifications([live]);
  await expect(list.filter({ hasText: live })).toBeVisible();
});
