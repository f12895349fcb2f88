import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { newPerson, signUp } from "./support/people";
import { expect, test, type Page } from "./support/test";

/**
 * A link's social card, as dub.co users expect: the server reads the
 * destination page's own card after a save; the owner can write their own,
 * which the apps that unfurl links then get instead of the redirect.
 * The destination is a page this test serves on loopback (the test stack sets
 * PREVIEW_FETCH_ALLOW_PRIVATE so the worker may read it).
 */
const SLACK_UA = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
const site = http.createServer((_request, response) => {
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  response.end('<!doctype html><title>Spring</title><meta property="og:title" content="The spring collection"><meta property="og:description" content="New arrivals every week.">');
});
let destination = "";

test.beforeAll(async () => {
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  destination = `http://127.0.0.1:${(site.address() as AddressInfo).port}/spring`;
});

test.afterAll(async () => {
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
});

async function openEdit(page: Page, alias: string) {
  await page.getByRole("button", { name: `Actions for /${alias}` }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: `Edit /${alias}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("the edit dialog shows the destination's card; the owner's own card is what unfurlers get", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, newPerson("Casey"));
  await page.goto("/links");
  const alias = `card-${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Long URL").fill(destination);
  await page.getByLabel("Custom alias (optional)").fill(alias);
  await page.getByRole("button", { name: "Shorten" }).click();
  await expect(page.getByRole("region", { name: "Your short link" })).toBeVisible();

  // The worker reads the page after the save: reopen until its card is there.
  await expect(async () => {
    await page.reload();
    const dialog = await openEdit(page, alias);
    await expect(dialog.getByRole("figure", { name: "Card preview" })).toContainText("The spring collection", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  const dialog = page.getByRole("dialog", { name: `Edit /${alias}` });
  await dialog.getByLabel("Write my own card").check();
  await dialog.getByLabel("Card title").fill("Our spring sale");
  await dialog.getByLabel("Card description").fill("Everything 20% off until Sunday.");
  await dialog.getByLabel("Card image address").fill("not an address");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByLabel("Card image address")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog).toContainText("The card image must be a web address starting with https://.");
  await dialog.getByLabel("Card image address").fill("");
  await expect(dialog.getByRole("figure", { name: "Card preview" })).toContainText("Our spring sale");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  const unfurl = await page.request.get(`/${alias}`, { headers: { "user-agent": SLACK_UA }, maxRedirects: 0 });
  expect(unfurl.status()).toBe(200);
  const html = await unfurl.text();
  expect(html).toContain('<meta property="og:title" content="Our spring sale">');
  expect(html).toContain('<meta property="og:description" content="Everything 20% off until Sunday.">');
  const visitor = await page.request.get(`/${alias}`, { maxRedirects: 0 });
  expect(visitor.status()).toBe(302);
  expect(visitor.headers().location).toBe(destination);

  // Back to the page's own card: unfurlers follow the redirect again.
  const again = await openEdit(page, alias);
  await again.getByLabel("Write my own card").uncheck();
  await again.getByRole("button", { name: "Save" }).click();
  await expect(again).toBeHidden();
  await expect.poll(async () => (await page.request.get(`/${alias}`, { headers: { "user-agent": SLACK_UA }, maxRedirects: 0 })).status()).toBe(302);
});
