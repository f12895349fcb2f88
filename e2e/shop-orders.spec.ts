import { randomUUID } from "node:crypto";
import { newPerson, signUp } from "./support/people";
import { createDeliveredOrder, createTestProduct } from "./support/shop-fixtures";
import { expect, test } from "./support/test";

/**
 * After the purchase, as on a good Shopify store: a delivered order's lines
 * show each product's picture and link to it, the tracking number links to the
 * carrier, "Write a review" leads to the product's review form and the review
 * carries "Verified purchase", and "Buy again" fills the cart with the order's
 * items. A product page suggests related products, its own brand's first.
 */
test.describe("shop after the purchase", () => {
  test.describe.configure({ timeout: 90_000 });

  test("a delivered order: pictures and links per line, a tracking link, a verified review, buy again", async ({ page }) => {
    const product = await createTestProduct({ name: "Trail Lantern", priceCents: 2_500, onHand: 8, image: "/shop/images/actioncam-4k-1.svg" });
    const rita = newPerson("Rita");
    await signUp(page, rita);
    const orderId = await createDeliveredOrder(rita.email, product, 2_500, { trackingNumber: "1Z 999 AA1" });

    await page.goto(`/shop/orders/${orderId}`);
    const items = page.getByRole("list", { name: "Items in this order" });
    await expect(items.locator("img")).toHaveAttribute("src", "/shop/images/actioncam-4k-1.svg");
    await expect(items.getByRole("link", { name: product.name, exact: true })).toHaveAttribute("href", `/shop/products/${product.slug}`);
    const tracking = page.getByTestId("tracking-link");
    await expect(tracking).toHaveAttribute("href", "https://parcelsapp.com/en/tracking/1Z999AA1");
    await expect(tracking).toHaveAttribute("target", "_blank");
    await expect(tracking.getByTestId("tracking-number")).toHaveText("1Z 999 AA1");

    await items.getByRole("link", { name: `Write a review of ${product.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/shop/products/${product.slug}#reviews$`));
    const form = page.locator("form").filter({ hasText: "Write a review" });
    await form.getByLabel("5 stars").check();
    await form.getByLabel("Your review").fill("Bright, light, and the battery lasts all weekend.");
    await form.getByRole("button", { name: "Post review" }).click();
    await expect(page.getByRole("article", { name: `Review by ${rita.name}` }).getByText("Verified purchase")).toBeVisible();

    await page.goto(`/shop/orders/${orderId}`);
    await page.getByRole("button", { name: "Buy again" }).click();
    await expect(page).toHaveURL(/\/shop\/cart$/);
    const line = page.getByTestId("cart-line").filter({ hasText: product.name });
    await expect(line).toBeVisible();
    await expect(line.getByTestId("line-total")).toHaveText("$25.00");
  });

  test("a product page suggests related products of its category, its own brand's first", async ({ page }) => {
    const brand = `Ridge${randomUUID().slice(0, 6)}`;
    const lantern = await createTestProduct({ name: "Camp Lantern", priceCents: 2_000, onHand: 3, brand });
    const stove = await createTestProduct({ name: "Camp Stove", priceCents: 4_000, onHand: 3, brand });
    await page.goto(`/shop/products/${lantern.slug}`);
    const related = page.getByRole("region", { name: "You may also like" });
    await expect(related.getByTestId("product-card").first()).toContainText(stove.name);
    await expect(related.getByText(lantern.name)).toHaveCount(0);
    await related.getByTestId("product-card").first().click();
    await expect(page.getByRole("heading", { level: 1, name: stove.name })).toBeVisible();
  });
});
