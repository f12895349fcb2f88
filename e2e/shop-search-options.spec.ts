import AxeBuilder from "@axe-core/playwright";
import { createVariantProduct } from "./support/shop-fixtures";
import { expect, test, type Page } from "./support/test";

/**
 * Size and colour filters on search, on the seeded demo store (the rain jacket
 * comes in S, M, L × Black, Olive; M in olive is sold out): a shopper searches
 * "jacket", ticks Size M, sees the count, the chip and the colours an M comes
 * in, opens the jacket on its M, comes back and removes the chip. With
 * "In stock only", M in olive finds nothing, because the one M in olive is
 * sold out although the jacket itself is in stock. An option named with a
 * colon ("Size: EU", on a product of the spec's own) filters like any other.
 */

const filters = (page: Page) => page.getByRole("complementary", { name: "Filters" });
const results = (page: Page) => page.getByRole("region", { name: "Results" });
/** "2 results for “jacket”" (the page also has other live regions, such as the no-results page's suggestions loading). */
const resultCount = (page: Page) => results(page).getByRole("status").filter({ hasText: "for “jacket”" });
const chips = (page: Page) => page.getByRole("group", { name: "Active filters" });
const facet = (page: Page, name: string) => filters(page).getByRole("group", { name, exact: true });
/** A facet value's checkbox and the count beside it. */
const valueRow = (page: Page, option: string, value: string) => facet(page, option).locator("div").filter({ has: page.getByRole("checkbox", { name: value, exact: true }) });

test.describe("shop search by size and colour", () => {
  test("ticking Size M narrows the results, shows a chip and the colours an M comes in; the chip removes it", async ({ page }) => {
    await page.goto("/shop/search?q=jacket");
    await expect(resultCount(page)).toContainText("2 results");
    await expect(facet(page, "Size").getByRole("checkbox")).toHaveCount(3);
    // Sizes in the product's own order, not alphabetical.
    await expect(facet(page, "Size").locator("label")).toHaveText(["S", "M", "L"]);

    await facet(page, "Size").getByRole("checkbox", { name: "M", exact: true }).click();
    await expect(page).toHaveURL(/\/shop\/search\?q=jacket&opt=Size%3AM$/);
    await expect(resultCount(page)).toContainText("1 result");
    await expect(results(page).getByTestId("product-card")).toHaveText(/Waterproof Rain Jacket/);
    await expect(chips(page).getByRole("button", { name: /^Remove filter/ })).toHaveText(["Size: M×"]);
    await expect(valueRow(page, "Colour", "Black").getByTestId("facet-count")).toHaveText("1 result");
    await expect(valueRow(page, "Colour", "Olive").getByTestId("facet-count")).toHaveText("1 result");
    // The option groups and chips pass axe like the rest of the page (accessibility.spec.ts searches a word without sizes).
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);

    // The result opens on the matching size (M in black: the M in olive is sold out).
    await results(page).getByTestId("product-card").click();
    await expect(page).toHaveURL(/\/shop\/products\/waterproof-rain-jacket\?variant=/);
    await expect(page.getByRole("radio", { name: "M", exact: true })).toBeChecked();
    await expect(page.getByRole("radio", { name: "Black", exact: true })).toBeChecked();

    await page.goBack();
    await chips(page).getByRole("button", { name: "Remove filter: Size: M" }).click();
    await expect(page).toHaveURL(/\/shop\/search\?q=jacket$/);
    await expect(facet(page, "Size").getByRole("checkbox", { name: "M", exact: true })).not.toBeChecked();
    await expect(resultCount(page)).toContainText("2 results");
    await expect(chips(page)).toHaveCount(0);
  });

  test("by keyboard: Size M and Colour Olive need one variant, and 'In stock only' needs it in stock", async ({ page }) => {
    await page.goto("/shop/search?q=jacket&opt=Size:M");
    const olive = facet(page, "Colour").getByRole("checkbox", { name: "Olive", exact: true });
    await olive.focus();
    await page.keyboard.press("Space");
    await expect(page).toHaveURL(/opt=Size%3AM&opt=Colour%3AOlive$/);
    await expect(resultCount(page)).toContainText("1 result");
    // The jacket is in stock, but not as an M in olive.
    await expect(valueRow(page, "Availability", "In stock only").getByTestId("facet-count")).toHaveText("0 results");

    await page.goto("/shop/search?q=jacket&opt=Size:M&opt=Colour:Olive&inStock=1");
    await expect(results(page).getByRole("heading", { name: "No products match “jacket”" })).toBeVisible();
    await expect(chips(page).getByRole("button", { name: /^Remove filter/ })).toHaveText(["In stock×", "Size: M×", "Colour: Olive×"]);
    await chips(page).getByRole("button", { name: "Remove filter: Colour: Olive" }).click();
    await expect(resultCount(page)).toContainText("1 result");
  });

  test("an option whose name holds a colon filters like any other, and the link keeps it", async ({ page }) => {
    const boot = await createVariantProduct({ name: "Colon Trail Boot", priceCents: 9_900, options: [{ name: "Size: EU", values: ["42", "43"] }], stock: [2, 1] });
    await page.goto(`/shop/search?q=${encodeURIComponent(boot.name)}`);
    const card = results(page).getByTestId("product-card");
    await expect(card).toHaveCount(1);
    await facet(page, "Size: EU").getByRole("checkbox", { name: "42", exact: true }).click();
    // The name's colon is escaped in the URL; the value follows the first unescaped one.
    await expect(page).toHaveURL(/&opt=Size%5C%3A\+EU%3A42$/);
    await expect(chips(page).getByRole("button", { name: /^Remove filter/ })).toHaveText(["Size: EU: 42×"]);
    await expect(card).toHaveCount(1);

    await page.reload();
    await expect(facet(page, "Size: EU").getByRole("checkbox", { name: "42", exact: true })).toBeChecked();
    await expect(card).toHaveText(new RegExp(boot.name));
  });
});
