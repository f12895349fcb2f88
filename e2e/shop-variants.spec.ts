import { newPerson, openDemoAdmin, signUp } from "./support/people";
import { addVariants, createTestProduct, createVariantProduct, readVariantStock } from "./support/shop-fixtures";
import { expect, test, type Page } from "./support/test";

/**
 * Variants as on a good Shopify store: a buyer picks Size and Colour, sees a
 * sold-out combination disabled, watches price and SKU follow the choice (and
 * the URL keep it), adds two variants, pays, and the order shows both. An
 * admin counts new stock for the sold-out combination, and the product page
 * offers it again.
 */

const SIZE = { name: "Size", values: ["S", "M", "L"] };
const COLOUR = { name: "Colour", values: ["Black", "White"] };
// S·Black, S·White, M·Black, M·White (sold out), L·Black, L·White (its own price).
const STOCK = [3, 2, 4, 0, 1, 2];
const PRICES = [null, null, null, null, null, 2_400];

async function choose(page: Page, option: string, value: string): Promise<void> {
  // People click the segmented button (the radio's label).
  await page.getByRole("group", { name: new RegExp(`^${option}`) }).locator("label").filter({ has: page.getByRole("radio", { name: value, exact: true }) }).click();
}

test.describe("shop variants", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a buyer picks size and colour, skips a sold-out one, buys two variants and the order shows both", async ({ page }) => {
    const tee = await createVariantProduct({ name: "Variant Tee", priceCents: 2_000, options: [SIZE, COLOUR], stock: STOCK, prices: PRICES });
    const [, , mBlack, mWhite, , lWhite] = tee.variants;
    if (!mBlack || !mWhite || !lWhite) throw new Error("the fixture made no variants");
    await signUp(page, newPerson("Vera"));

    await page.goto(`/shop/products/${tee.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: tee.name })).toBeVisible();
    // The first combination in stock is chosen to start with.
    await expect(page.getByRole("radio", { name: "S", exact: true })).toBeChecked();
    await expect(page.getByRole("radio", { name: "Black", exact: true })).toBeChecked();

    await choose(page, "Size", "M");
    await expect(page.getByRole("group", { name: "Size: M" })).toBeVisible();
    const soldOut = page.getByRole("radio", { name: /^White/ });
    await expect(soldOut).toBeDisabled();
    await expect(page.getByRole("group", { name: /^Colour/ })).toContainText("Sold out");
    await expect(page.getByTestId("variant-sku")).toHaveText(`SKU ${mBlack.sku}`);
    await expect(page).toHaveURL(new RegExp(`\\?variant=${mBlack.id}$`));
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText("Added 1 × M · Black to your cart.")).toBeVisible();

    await choose(page, "Size", "L");
    await choose(page, "Colour", "White");
    await expect(page.getByTestId("product-price")).toHaveText("$24.00");
    await expect(page.getByTestId("variant-sku")).toHaveText(`SKU ${lWhite.sku}`);
    // The link keeps the choice: opened again, the page shows L · White.
    await page.reload();
    await expect(page.getByRole("radio", { name: "L", exact: true })).toBeChecked();
    await expect(page.getByRole("radio", { name: "White", exact: true })).toBeChecked();
    await expect(page.getByTestId("product-price")).toHaveText("$24.00");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText("Added 1 × L · White to your cart.")).toBeVisible();

    await page.goto("/shop/cart");
    const lines = page.getByTestId("cart-line");
    await expect(lines).toHaveCount(2);
    await expect(lines.getByTestId("line-variant")).toHaveText([`M · Black · SKU ${mBlack.sku}`, `L · White · SKU ${lWhite.sku}`]);

    await page.goto("/shop/checkout");
    await page.getByLabel("Full name").fill("Vera Variant");
    await page.getByLabel("Address line 1").fill("3 Loom Street");
    await page.getByLabel("City").fill("Springfield");
    await page.getByLabel("Postal code").fill("62701");
    await page.getByLabel("Country").selectOption("US");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page).toHaveURL(/\/pay\/cs_test_/);
    await expect(page.getByText(`${tee.name} (L · White)`)).toBeVisible();
    expect(await readVariantStock(lWhite.id)).toEqual({ onHand: 2, reserved: 1 });
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByLabel("Expiry (MM / YY)").fill("1234");
    await page.getByLabel("CVC").fill("123");
    await page.getByRole("button", { name: /^Pay / }).click();

    await expect(page).toHaveURL(/\/shop\/orders\/[^/?]+/, { timeout: 20_000 });
    await expect(page.getByTestId("order-status")).toHaveText(/paid/i, { timeout: 30_000 });
    await expect(page.getByTestId("order-line-variant")).toHaveText([`L · White · SKU ${lWhite.sku}`, `M · Black · SKU ${mBlack.sku}`]);
    expect(await readVariantStock(mBlack.id)).toEqual({ onHand: 3, reserved: 0 });
    expect(await readVariantStock(mWhite.id)).toEqual({ onHand: 0, reserved: 0 });
  });

  test("a cart line added before its product came in sizes asks the buyer to choose one, on the product's page", async ({ page }) => {
    const tee = await createTestProduct({ name: "Plain Tee", priceCents: 1_800, onHand: 6 });
    await signUp(page, newPerson("Omar"));
    await page.goto(`/shop/products/${tee.slug}`);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText("Added 1 to your cart.")).toBeVisible();
    const [, medium] = await addVariants(tee, { options: [{ name: "Size", values: ["S", "M"] }], stock: [3, 3] });
    if (!medium) throw new Error("the fixture made no variants");

    await page.goto("/shop/cart");
    const line = page.getByTestId("cart-line");
    await expect(line.getByTestId("line-problem")).toContainText("Now comes in several options");
    await expect(line.getByTestId("line-total")).toHaveText("—");
    await line.getByRole("link", { name: "Choose yours on its page" }).click();
    await expect(page.getByRole("heading", { level: 1, name: tee.name })).toBeVisible();
    await choose(page, "Size", "M");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText("Added 1 × M to your cart.")).toBeVisible();

    await page.goto("/shop/cart");
    await line.filter({ has: page.getByTestId("line-problem") }).getByRole("button", { name: /^Remove / }).click();
    await expect(line).toHaveCount(1);
    await expect(line.getByTestId("line-variant")).toHaveText(`M · SKU ${medium.sku}`);
    await expect(page.getByTestId("line-problem")).toHaveCount(0);
  });

  test("an admin counts new stock for a sold-out variant and the product page offers it", async ({ page, browser, baseURL }) => {
    const tee = await createVariantProduct({ name: "Restock Tee", priceCents: 2_000, options: [SIZE, COLOUR], stock: STOCK });
    const mWhite = tee.variants[3];
    if (!mWhite) throw new Error("the fixture made no variants");

    const admin = await openDemoAdmin(browser, baseURL);
    await admin.goto("/shop/admin/products");
    await admin.getByLabel("Find a product").fill(tee.name);
    await admin.getByRole("button", { name: `Variants of ${tee.name}` }).click();
    const dialog = admin.getByRole("dialog", { name: `Variants of ${tee.name}` });
    await expect(dialog.getByLabel("Option 1 values")).toHaveValue("S, M, L");
    const stockField = dialog.getByLabel("Units on hand of M · White");
    await expect(stockField).toHaveValue("0");
    // A bad count is refused with a message, and nothing is lost.
    await stockField.fill("-3");
    await dialog.getByRole("button", { name: "Save variants" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("M · White: enter a whole number of units.");
    await stockField.fill("5");
    await dialog.getByRole("button", { name: "Save variants" }).click();
    await expect(dialog).toBeHidden();
    await expect(admin.getByRole("row", { name: new RegExp(tee.name) })).toContainText("17");
    expect(await readVariantStock(mWhite.id)).toEqual({ onHand: 5, reserved: 0 });
    await admin.context().close();

    await page.goto(`/shop/products/${tee.slug}?variant=${mWhite.id}`);
    await expect(page.getByRole("radio", { name: "M", exact: true })).toBeChecked();
    await expect(page.getByRole("radio", { name: "White", exact: true })).toBeEnabled();
    await expect(page.getByRole("radio", { name: "White", exact: true })).toBeChecked();
    await expect(page.getByRole("button", { name: "Add to cart" })).toBeEnabled();
  });
});
