import { randomUUID } from "node:crypto";
import { newPerson, signUp } from "./support/people";
import { expect, test, type Page } from "./support/test";

/**
 * Links details a new user tripped on: the QR code was only shown once; a
 * stale "Short link ready" card stayed under a new error; focus was lost when
 * a dialog closed; international addresses read as punycode.
 */
async function shorten(page: Page, url: string, alias: string): Promise<void> {
  await page.getByLabel("Long URL").fill(url);
  await page.getByLabel("Custom alias (optional)").fill(alias);
  await page.getByRole("button", { name: "Shorten" }).click();
}

test.describe("links polish", () => {
  test.describe.configure({ timeout: 90_000 });

  test("a short link that does not exist answers 404 inside the app's layout; a mistyped page gets the app's not-found page", async ({ page }) => {
    const missing = await page.goto(`/missing-${randomUUID().slice(0, 8)}`);
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This short link does not exist" })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: "Links", exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Shorten a link" }).click();
    await expect(page).toHaveURL(/\/links$/);

    // "video" is reserved (a page's name), so it cannot be a short link: the app's own not-found page.
    const mistyped = await page.goto("/video");
    expect(mistyped?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: "Links", exact: true })).toBeVisible();
  });

  test("a new error replaces the last 'Short link ready' card; the list shows Unicode addresses", async ({ page }) => {
    await signUp(page, newPerson("Quinn"));
    await page.goto("/links");
    const alias = `intl-${randomUUID().slice(0, 8)}`;
    await shorten(page, "https://bücher.example/straße", alias);
    const result = page.getByRole("region", { name: "Your short link" });
    await expect(result).toBeVisible();
    await expect(result).toContainText("https://bücher.example/straße");

    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `/${alias}`, exact: true }) });
    await expect(row).toContainText("https://bücher.example/straße");
    await expect(row).not.toContainText("xn--");

    // The same alias again: the error on the field, and no success card left under it.
    await shorten(page, "https://example.com/other", alias);
    await expect(page.getByLabel("Custom alias (optional)")).toHaveAttribute("aria-invalid", "true");
    await expect(result).toHaveCount(0);
  });

  test("the QR code is in the row menu and on the analytics page; dialogs give focus back to their opener", async ({ page }) => {
    await signUp(page, newPerson("Quinn"));
    await page.goto("/links");
    const alias = `qr-${randomUUID().slice(0, 8)}`;
    await shorten(page, "https://example.com/qr", alias);
    const shortUrl = (await page.getByRole("region", { name: "Your short link" }).getByTestId("short-url").textContent()) ?? "";

    const actions = page.getByRole("button", { name: `Actions for /${alias}` });
    await actions.click();
    await page.getByRole("menuitem", { name: "QR code" }).click();
    const qr = page.getByRole("dialog", { name: `QR code for /${alias}` });
    await expect(qr.getByRole("img", { name: `QR code for ${shortUrl}` })).toBeVisible();
    await expect(qr.getByRole("link", { name: /^PNG/ })).toHaveAttribute("download", `qr-${alias}.png`);
    await expect(qr.getByRole("link", { name: /^SVG/ })).toHaveAttribute("download", `qr-${alias}.svg`);
    await qr.getByRole("button", { name: "Close" }).click();
    await expect(qr).toBeHidden();
    await expect(actions).toBeFocused();

    // The edit dialog, closed with Escape, gives focus back too.
    await actions.click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    await expect(page.getByRole("dialog", { name: `Edit /${alias}` })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog", { name: `Edit /${alias}` })).toBeHidden();
    await expect(actions).toBeFocused();

    await page.goto(`/links/${alias}`);
    const onAnalytics = page.getByRole("region", { name: "QR code" });
    await expect(onAnalytics.getByRole("img", { name: `QR code for ${shortUrl}` })).toBeVisible();
    await expect(onAnalytics.getByRole("link", { name: /^PNG/ })).toHaveAttribute("download", `qr-${alias}.png`);
    await expect(onAnalytics.getByRole("link", { name: /^SVG/ })).toHaveAttribute("download", `qr-${alias}.svg`);
  });

  test("Tab never stops inside the clicks chart, which is hidden from screen readers (its table speaks for it)", async ({ page }) => {
    await signUp(page, newPerson("Quinn"));
    await page.goto("/links");
    const alias = `chart-${randomUUID().slice(0, 8)}`;
    await shorten(page, "https://example.com/chart", alias);
    await expect(page.getByRole("region", { name: "Your short link" })).toBeVisible();

    await page.goto(`/links/${alias}`);
    const chart = page.locator("figure").filter({ hasText: "Clicks over time" });
    await expect(chart.locator("svg").first()).toBeVisible();
    await page.getByRole("link", { name: "Download CSV" }).focus();
    await page.keyboard.press("Tab");
    const landedInHiddenChart = await page.evaluate(() => document.activeElement?.closest('[aria-hidden="true"]') != null);
    expect(landedInHiddenChart, "the next Tab stop is inside an aria-hidden element").toBe(false);
  });
});
