import AxeBuilder from "@axe-core/playwright";
import { newPerson, signUp } from "./support/people";
import { expect, test, type Page } from "./support/test";

/**
 * axe-core on every main page, signed out and signed in: no serious or
 * critical violation (WCAG 2.1 A/AA rules).
 */
test.describe.configure({ timeout: 300_000 });

const PUBLIC_PAGES = ["/", "/sign-in", "/sign-up", "/links", "/shop", "/shop/search?q=headphones", "/shop/products/running-shoes-cushion", "/shop/cart", "/feed", "/videos", "/rides", "/does-not-exist", "/no/such/page"];
const SIGNED_IN_PAGES = ["/", "/links", "/chat", "/shop", "/shop/checkout", "/shop/orders", "/notifications", "/settings/profile", "/settings/security", "/settings/api-keys"];

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(" | ")}`);
}

async function check(page: Page, paths: string[]): Promise<void> {
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("banner")).toBeVisible();
    await page.waitForLoadState("networkidle").catch(() => undefined);
    // Soft: one run lists every page's problems, not only the first page's.
    expect.soft(await seriousViolations(page), `${path} in ${await page.evaluate(() => document.documentElement.className)}`).toEqual([]);
  }
}

test("no serious or critical axe violations on the main pages, signed out", async ({ page }) => {
  await check(page, PUBLIC_PAGES);
});

test("no serious or critical axe violations on the main pages, signed in", async ({ page }) => {
  await signUp(page, newPerson("Axel"));
  await check(page, SIGNED_IN_PAGES);
});
