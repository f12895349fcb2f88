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
