import { expect, test, type Page } from "./support/test";
import sharp from "sharp";

/**
 * The catalog end to end on the seeded demo store: a shopper searches with a
 * typo ("hedphones"), narrows by a brand facet (the URL and the counts
 * follow), opens a product and flips through its gallery; an admin edits a
 * price, uploads a picture and makes it the main one, and the product page
 * shows both at once (the product cache is invalidated on edit).
 */

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email or username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill("casebook-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
}

const resultCards = (page: Page) => page.getByRole("region", { name: "Results" }).getByRole("listitem");

test.describe("shop catalog", () => {
  test("search with a typo and a facet, open a product, use the gallery", async ({ page }) => {
    test.slow();
    await page.goto("/shop");
    await expect(page.getByRole("heading", { name: "Featured" })).toBeVisible();
    await page.getByLabel("Search products").fill("hedphones");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/\/shop\/search\?q=hedphones$/);

    const status = page.getByRole("region", { name: "Results" }).getByRole("status");
    await expect(page.getByTestId("spelling-notice")).toContainText("Showing results for headphones");
    await expect(resultCards(page).filter({ hasText: "Aurora Wireless Headphones" })).toBeVisible();
    const unfiltered = await resultCards(page).count();

    const filters = page.getByRole("complementary", { name: "Filters" });
    const sonora = filters.getByRole("checkbox", { name: "Sonora" });
    const sonoraRow = filters.getByRole("group", { name: "Brand" }).locator("div", { has: page.getByRole("checkbox", { name: "Sonora" }) });
    const sonoraCount = Number.parseInt((await sonoraRow.getByTestId("facet-count").textContent()) ?? "", 10);
    expect(sonoraCount).toBeGreaterThan(0);
    expect(sonoraCount).toBeLessThan(unfiltered);
    // The checkbox follows the URL, so it flips once the navigation lands.
    await sonora.click();
    await expect(sonora).toBeChecked();
    await expect(page).toHaveURL(/\/shop\/search\?q=hedphones&brand=Sonora$/);
    await expect(status).toContainText(`${sonoraCount} result`);
    await expect(resultCards(page)).toHaveCount(sonoraCount);
    // Disjunctive: the brand's own count does not shrink once it is ticked.
    await expect(sonoraRow.getByTestId("facet-count")).toHaveText(new RegExp(`^${sonoraCount} result`));

    await resultCards(page).filter({ hasText: "Aurora Wireless Headphones" }).getByRole("link").click();
    await expect(page).toHaveURL(/\/shop\/products\/aurora-wireless-headphones$/);
    await expect(page.getByRole("heading", { level: 1, name: "Aurora Wireless Headphones" })).toBeVisible();
    const main = page.getByTestId("gallery-main");
    await expect(main).toHaveAttribute("src", /-1\.svg$/);
    await page.getByRole("button", { name: "Show picture 2" }).click();
    await expect(main).toHaveAttribute("src", /-2\.svg$/);
    await expect(page.getByRole("button", { name: "Show picture 2" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("heading", { name: "Customer reviews" })).toBeVisible();
  });

  test("an admin edits a price and uploads a main picture, and the product page shows both", async ({ page }) => {
    test.slow();
    await signIn(page, "alice");
    await page.goto("/shop/admin/products");
    await expect(page.getByRole("navigation", { name: "Shop admin" }).getByRole("link", { name: "Products" })).toHaveAttribute("aria-current", "page");
    await page.getByLabel("Find a product").fill("Vinyl Turntable");
    await page.getByRole("button", { name: "Edit Vinyl Turntable Classic" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit Vinyl Turntable Classic" });
    await dialog.getByLabel("Price (USD)").fill("abc");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(dialog.getByText("Enter a price like 19.99.")).toBeVisible();
    await dialog.getByLabel("Price (USD)").fill("231.45");

    const photo = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: "#3366cc" } }).png().toBuffer();
    await dialog.getByLabel("Images", { exact: true }).setInputFiles({ name: "turntable-top.png", mimeType: "image/png", buffer: photo });
    const uploaded = dialog.getByRole("img", { name: "Image 4" });
    await expect(uploaded).toHaveAttribute("src", /^\/api\/media\/shop\/products\/[0-9a-f]+\.webp$/);
    for (const position of [4, 3, 2]) await dialog.getByRole("button", { name: `Move image ${position} earlier` }).click();
    const uploadedUrl = await dialog.getByRole("img", { name: "Image 1" }).getAttribute("src");
    expect(uploadedUrl).toMatch(/\/api\/media\/shop\/products\//);
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("row", { name: /Vinyl Turntable Classic/ })).toContainText("$231.45");

    await page.goto("/shop/products/vinyl-turntable-classic");
    await expect(page.getByTestId("product-price")).toHaveText("$231.45");
    await expect(page.getByTestId("gallery-main")).toHaveAttribute("src", uploadedUrl ?? "");
    expect(await page.getByTestId("gallery-main").evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1600);
  });
});
