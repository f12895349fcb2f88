import { expect, test, type Page } from "./support/test";

/**
 * Search as a Shopify shopper expects it, on the seeded demo store: a typo
 * says what was searched instead ("Showing results for headphones") with a
 * way back to the words as typed; a search that finds nothing suggests
 * categories and popular products; the filters in use show as chips that
 * remove one filter each, or all of them; on a phone the first result is on
 * screen without scrolling, the typo notice included.
 */

const results = (page: Page) => page.getByRole("region", { name: "Results" });
const resultCards = (page: Page) => results(page).getByTestId("product-card");

test.describe("shop search", () => {
  test("a typo shows what was searched instead; 'search instead' finds nothing and suggests where to go", async ({ page }) => {
    await page.goto("/shop/search?q=hedphones");
    const notice = results(page).getByTestId("spelling-notice");
    await expect(notice).toContainText("Showing results for headphones");
    await expect(notice.getByRole("link", { name: "headphones", exact: true })).toHaveAttribute("href", "/shop/search?q=headphones");
    await expect(resultCards(page).filter({ hasText: "Aurora Wireless Headphones" })).toBeVisible();

    await notice.getByRole("link", { name: "hedphones", exact: true }).click();
    await expect(page).toHaveURL(/\/shop\/search\?q=hedphones&exact=1$/);
    await expect(results(page).getByRole("heading", { name: "No products match “hedphones”" })).toBeVisible();
    await expect(results(page).getByTestId("spelling-notice")).toHaveCount(0);

    const categories = results(page).getByRole("region", { name: "Browse a category" });
    await expect(categories.getByRole("link", { name: "Audio", exact: true })).toBeVisible();
    await expect(results(page).getByRole("region", { name: "Popular right now" }).getByTestId("product-card").first()).toBeVisible();
    await categories.getByRole("link", { name: "Audio", exact: true }).click();
    await expect(page).toHaveURL(/\/shop\/search\?category=audio$/);
    await expect(resultCards(page).filter({ hasText: "Aurora Wireless Headphones" })).toBeVisible();
  });

  test("filters in use show as chips: one removes its filter, 'Clear all' removes every one", async ({ page }) => {
    await page.goto("/shop/search?q=headphones");
    const filters = page.getByRole("complementary", { name: "Filters" });
    const chips = page.getByRole("group", { name: "Active filters" });
    await expect(chips).toHaveCount(0);

    await filters.getByRole("checkbox", { name: "Sonora" }).click();
    await expect(page).toHaveURL(/\/shop\/search\?q=headphones&brand=Sonora$/);
    await filters.getByRole("checkbox", { name: "In stock only" }).click();
    await expect(page).toHaveURL(/\/shop\/search\?q=headphones&brand=Sonora&inStock=1$/);
    await expect(chips.getByRole("button", { name: /^Remove filter/ })).toHaveText(["Sonora×", "In stock×"]);

    await chips.getByRole("button", { name: "Remove filter: Sonora" }).click();
    await expect(page).toHaveURL(/\/shop\/search\?q=headphones&inStock=1$/);
    await expect(filters.getByRole("checkbox", { name: "Sonora" })).not.toBeChecked();
    await expect(chips.getByRole("button", { name: /^Remove filter/ })).toHaveText(["In stock×"]);

    await page.goto("/shop/search?q=headphones&brand=Vela&price=0-25&price=25-50&rating=4");
    await expect(chips.getByRole("button", { name: /^Remove filter/ })).toHaveCount(4);
    await chips.getByRole("button", { name: "Clear all" }).click();
    await expect(page).toHaveURL(/\/shop\/search\?q=headphones$/);
    await expect(chips).toHaveCount(0);
    await expect(resultCards(page).filter({ hasText: "Aurora Wireless Headphones" })).toBeVisible();
  });

  test("on a phone, the first result of a corrected search is on screen without scrolling", async ({ page }) => {
    // An iPhone's visible area in Safari, browser bars taken off.
    await page.setViewportSize({ width: 390, height: 664 });
    await page.goto("/shop/search?q=hedphones&inStock=1");
    await expect(results(page).getByTestId("spelling-notice")).toBeVisible();
    await expect(page.getByRole("group", { name: "Active filters" })).toBeVisible();
    const name = resultCards(page).first().getByRole("heading");
    await expect(name).toBeVisible();
    const box = await name.boundingBox();
    expect(box, "the first result's name has a box").not.toBeNull();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(664);
  });
});
