import { randomUUID } from "node:crypto";
import { newPerson, signUp } from "./support/people";
import { expect, test } from "./support/test";
import { createDeliveredOrder, createTestProduct } from "./support/shop-fixtures";

/** Shop details: an invalid checkout focuses its first error; one review is "1 review". */
test.describe("shop polish", () => {
  test.describe.configure({ timeout: 90_000 });

  test("an invalid checkout submit moves focus to the first field in error", async ({ page }) => {
    const product = await createTestProduct({ name: "Focus Flask", priceCents: 2_000, onHand: 5 });
    await page.goto(`/shop/products/${product.slug}`);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText(/Added 1 to your cart/)).toBeVisible();
    await page.goto("/shop/checkout");
    await page.getByLabel("Email").fill(`guest-${randomUUID().slice(0, 8)}@example.com`);
    await page.getByLabel("Full name").fill("Fay Focus");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    const line1 = page.getByLabel("Address line 1");
    await expect(line1).toHaveAttribute("aria-invalid", "true");
    await expect(line1).toBeFocused();
  });

  test("a product with one review says '1 review', never '1 reviews'", async ({ page }) => {
    const product = await createTestProduct({ name: "Single Review Lamp", priceCents: 3_000, onHand: 5 });
    const rita = newPerson("Rita");
    await signUp(page, rita);
    const email = rita.email;
    await createDeliveredOrder(email, product, 3_000);
    await page.goto(`/shop/products/${product.slug}`);
    const form = page.locator("form").filter({ hasText: "Write a review" });
    await form.getByLabel("4 stars").check();
    await form.getByLabel("Your review").fill("Warm light, sturdy base.");
    await form.getByRole("button", { name: "Post review" }).click();
    await expect(page.getByText("Thanks — you have reviewed this product.")).toBeVisible();
    const ratings = page.getByRole("list", { name: "Ratings by stars" });
    await expect(ratings).toContainText("(1 review)");
    await expect(page.locator("main")).not.toContainText("1 reviews");
  });
});
