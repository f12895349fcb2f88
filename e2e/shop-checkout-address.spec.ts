import { newPerson, signUp } from "./support/people";
import { createDeliveredOrder, createTestProduct } from "./support/shop-fixtures";
import { expect, test } from "./support/test";

/** A signed-in buyer's checkout starts from the address of their last order; a guest's starts empty. */
test.describe("shop checkout address", () => {
  test.describe.configure({ timeout: 90_000 });

  test("the last order's address is filled in at checkout, and pays as it is", async ({ page }) => {
    const product = await createTestProduct({ name: "Prefill Kettle", priceCents: 3_000, onHand: 5 });
    const ada = newPerson("Ada");
    await signUp(page, ada);
    const address = { name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB" };
    await createDeliveredOrder(ada.email, product, 3_000, { shippingAddress: address });

    await page.goto(`/shop/products/${product.slug}`);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText(/Added 1 to your cart/)).toBeVisible();
    await page.goto("/shop/checkout");
    await expect(page.getByText("We filled in the address of your last order")).toBeVisible();
    await expect(page.getByLabel("Full name")).toHaveValue(address.name);
    await expect(page.getByLabel("Address line 1")).toHaveValue(address.line1);
    await expect(page.getByLabel("City")).toHaveValue(address.city);
    await expect(page.getByLabel("Postal code")).toHaveValue(address.postalCode);
    await expect(page.getByLabel("Country")).toHaveValue(address.country);
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page).toHaveURL(/\/pay\/cs_test_/);
  });

  test("a guest's checkout starts empty", async ({ page }) => {
    const product = await createTestProduct({ name: "Guest Kettle", priceCents: 3_000, onHand: 5 });
    await page.goto(`/shop/products/${product.slug}`);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText(/Added 1 to your cart/)).toBeVisible();
    await page.goto("/shop/checkout");
    await expect(page.getByLabel("Full name")).toHaveValue("");
    await expect(page.getByText("We filled in the address of your last order")).toHaveCount(0);
  });
});
