import { randomUUID } from "node:crypto";
import { newPerson, signUp } from "./support/people";
import { expect, test } from "./support/test";

/**
 * Bulk creation as a marketer would: a CSV chosen from the computer (with a
 * header, one row bad), a progress bar, each row's short link or its own
 * error, the outcome as a CSV download, and the new links in the list.
 */
test.describe.configure({ timeout: 90_000 });

test("creates links from a CSV file, lists each row's short link or error, and offers the results as CSV", async ({ page }) => {
  await signUp(page, newPerson("Mira"));
  await page.goto("/links");
  const alias = `bulk-${randomUUID().slice(0, 8)}`;
  await page.getByRole("button", { name: "Bulk create" }).click();
  const dialog = page.getByRole("dialog", { name: "Create links in bulk" });
  const csv = `url,alias,title,tags\nhttps://example.com/spring,${alias},Spring sale,promo;spring\nnot a url,,,\nhttps://example.com/blog,,,\n`;
  await dialog.getByLabel("Or choose a CSV file").setInputFiles({ name: "links.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(dialog.getByLabel("URLs or CSV")).toHaveValue(csv);
  await dialog.getByRole("button", { name: "Create links" }).click();

  await expect(dialog.getByRole("status")).toContainText("2 created, 1 failed.");
  await expect(dialog.getByRole("progressbar", { name: "Created 3 of 3 rows" })).toHaveAttribute("aria-valuenow", "100");
  const results = dialog.getByRole("list", { name: "Results" }).getByRole("listitem");
  await expect(results).toHaveCount(3);
  await expect(results.nth(0)).toContainText(`/${alias}`);
  await expect(results.nth(1)).toContainText("not a url");
  await expect(results.nth(1)).toContainText("That is not a valid link. Include the scheme, e.g. https://example.com.");
  const download = dialog.getByRole("link", { name: "Download results (CSV)" });
  await expect(download).toHaveAttribute("download", "casebook-links.csv");
  const href = decodeURIComponent((await download.getAttribute("href")) ?? "");
  expect(href).toContain("url,alias,short_url,status,error");
  expect(href).toContain(`https://example.com/spring,${alias},`);
  expect(href).toMatch(/not a url,,,failed,.+/);

  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("link", { name: new RegExp(`/${alias}$`) }).first()).toBeVisible();
});

test("a link with an App Store destination sends iPhones there and everyone else to the main URL", async ({ page }) => {
  await signUp(page, newPerson("Tariq"));
  await page.goto("/links");
  const alias = `app-${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Long URL").fill("https://example.com/app");
  await page.getByLabel("Custom alias (optional)").fill(alias);
  await page.getByRole("button", { name: "More options: title, tags, password, UTM, targeting" }).click();
  await page.getByLabel("iPhone and iPad visitors go to").fill("https://apps.apple.com/app/id123");
  await page.getByRole("button", { name: "Add a country" }).click();
  await page.getByLabel("Country 1", { exact: true }).selectOption({ label: "Germany" });
  await page.getByLabel("Destination for country 1").fill("https://example.de/app");
  await page.getByRole("button", { name: "Shorten" }).click();
  await expect(page.getByText("Short link ready")).toBeVisible();

  const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
  const fromIphone = await page.request.get(`/${alias}`, { headers: { "user-agent": iphone }, maxRedirects: 0 });
  expect(fromIphone.status()).toBe(302);
  expect(fromIphone.headers().location).toBe("https://apps.apple.com/app/id123");
  const fromDesktop = await page.request.get(`/${alias}`, { maxRedirects: 0 });
  expect(fromDesktop.headers().location).toBe("https://example.com/app");
});
