import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { countHandledWebhookEvents, createDeliveredOrder, createTestProduct, readStock, type TestProduct } from "./support/shop-fixtures";
import { openDemoAdmin } from "./support/people";

/**
 * The shop's whole path as people take it: a guest searches with a facet,
 * fills a cart, signs up (the cart comes along), pays with Stripe's 4242 test
 * card on the checkout simulator, lands on the order page as "Paid" once the
 * signed webhook has arrived, and sees "Shipped" appear live when the admin
 * ships it. A declined card shows Stripe's message and leaves the checkout open
 * with the stock held, so another card can pay. A buyer who backs out of the
 * payment page can return to it from the order. A buyer reviews what was
 * delivered, edits the review and deletes it.
 */

const ADDRESS = { name: "Sam Shopper", line1: "12 Market Street", city: "Springfield", postalCode: "62701", country: "US" };

async function addToCart(page: Page, product: TestProduct): Promise<void> {
  await page.goto(`/shop/products/${product.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: product.name })).toBeVisible();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(/Added 1 to your cart/)).toBeVisible();
}

async function fillCheckout(page: Page, email?: string): Promise<void> {
  await page.goto("/shop/checkout");
  if (email) await page.getByLabel("Email").fill(email);
  await page.getByLabel("Full name").fill(ADDRESS.name);
  await page.getByLabel("Address line 1").fill(ADDRESS.line1);
  await page.getByLabel("City").fill(ADDRESS.city);
  await page.getByLabel("Postal code").fill(ADDRESS.postalCode);
  await page.getByLabel("Country").selectOption(ADDRESS.country);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page).toHaveURL(/\/pay\/cs_test_/);
}

async function payWith(page: Page, card: string): Promise<void> {
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM / YY)").fill("1234");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: /^Pay / }).click();
}

/** Signs up a new person and returns their email. */
async function signUp(page: Page): Promise<string> {
  const tag = randomUUID().slice(0, 8);
  const email = `sam-${tag}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Sam Shopper");
  await page.getByLabel("Username", { exact: true }).fill(`sam_${tag}`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  return email;
}

test.describe("shop", () => {
  test.describe.configure({ timeout: 120_000 });

  test("search with a facet, cart carried into a new account, pay with 4242, shipped live", async ({ page, browser, baseURL }) => {
    const token = `trek${randomUUID().slice(0, 6)}`;
    const brand = `Brand${token}`;
    const flask = await createTestProduct({ name: `Insulated Flask ${token}`, priceCents: 2_400, onHand: 8, brand });
    const lantern = await createTestProduct({ name: `Camp Lantern ${token}`, priceCents: 3_900, onHand: 8, brand });
    await createTestProduct({ name: `Camp Stove ${token}`, priceCents: 5_500, onHand: 8, brand: `Other${token}` });

    // A guest searches, narrows by brand, and the filter lives in the URL.
    await page.goto(`/shop/search?q=${token}`);
    await expect(page.getByRole("link", { name: new RegExp(`Camp Stove ${token}`) }).first()).toBeVisible();
    // The checkbox writes the filter into the URL, and the page re-renders from it.
    const brandFilter = page.getByRole("checkbox", { name: new RegExp(brand) });
    await brandFilter.click();
    await expect(page).toHaveURL(/brand=/);
    await expect(brandFilter).toBeChecked();
    await expect(page.getByRole("link", { name: new RegExp(`Camp Stove ${token}`) })).toHaveCount(0);
    await page.getByRole("link", { name: new RegExp(flask.name) }).first().click();
    await expect(page).toHaveURL(new RegExp(`/shop/products/${flask.slug}`));

    await addToCart(page, flask);
    await addToCart(page, lantern);

    // Signing up keeps the guest's cart.
    const email = await signUp(page);
    await page.goto("/shop/cart");
    await expect(page.getByTestId("cart-line")).toHaveCount(2);

    await fillCheckout(page);
    await expect(page.getByText(flask.name)).toBeVisible();
    await payWith(page, "4242 4242 4242 4242");

    // Back on the order page; "paid" arrives with the webhook, without a reload.
    await expect(page).toHaveURL(/\/shop\/orders\/[^/?]+/, { timeout: 20_000 });
    const status = page.getByTestId("order-status");
    await expect(status).toHaveText(/paid/i, { timeout: 30_000 });
    expect(await readStock(flask.id)).toEqual({ onHand: 7, reserved: 0 });

    // The admin ships it; the buyer's open page follows live.
    const admin = await openDemoAdmin(browser, baseURL);
    await admin.goto("/shop/admin/orders");
    const row = admin.getByRole("row").filter({ hasText: email });
    await row.getByRole("button", { name: "Mark preparing" }).click();
    await expect(status).toHaveText(/preparing/i);
    await row.getByRole("button", { name: "Mark shipped" }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("Tracking number").fill("1Z999AA10123456784");
    await admin.getByRole("button", { name: "Confirm shipment" }).click();
    await expect(status).toHaveText(/shipped/i);
    await expect(page.getByTestId("tracking-number")).toHaveText("1Z999AA10123456784");
    await admin.context().close();
  });

  test("a declined card keeps the checkout open: the unit stays held and another card pays", async ({ page }) => {
    const last = await createTestProduct({ name: "Last Canoe", priceCents: 45_000, onHand: 1 });
    await addToCart(page, last);
    await fillCheckout(page, `guest-${randomUUID().slice(0, 8)}@example.com`);
    expect(await readStock(last.id)).toEqual({ onHand: 1, reserved: 1 });

    const failuresBefore = await countHandledWebhookEvents("payment_intent.payment_failed");
    await payWith(page, "4000 0000 0000 0002");
    await expect(page.getByRole("alert").filter({ hasText: "Your card was declined." })).toContainText("Try another card");

    // The decline reaches the app as payment_intent.payment_failed; once it is handled, the unit is still held.
    await expect.poll(() => countHandledWebhookEvents("payment_intent.payment_failed"), { timeout: 30_000 }).toBeGreaterThan(failuresBefore);
    expect(await readStock(last.id)).toEqual({ onHand: 1, reserved: 1 });

    await payWith(page, "4242 4242 4242 4242");
    await expect(page).toHaveURL(/\/shop\/orders\/[^/?]+/, { timeout: 20_000 });
    await expect(page.getByTestId("order-status")).toHaveText(/paid/i, { timeout: 30_000 });
    expect(await readStock(last.id)).toEqual({ onHand: 0, reserved: 0 });
  });

  test("a buyer reviews a delivered product, edits the review and deletes it", async ({ page }) => {
    const lantern = await createTestProduct({ name: "Storm Lantern", priceCents: 3_900, onHand: 5 });
    const email = await signUp(page);
    await createDeliveredOrder(email, lantern, 3_900);
    await page.goto(`/shop/products/${lantern.slug}`);
    await expect(page.getByText("Nobody has reviewed this product yet.")).toBeVisible();

    const form = page.locator("form").filter({ hasText: "Write a review" });
    await form.getByRole("button", { name: "Post review" }).click();
    await expect(form.getByText("Choose 1 to 5 stars.")).toBeVisible();
    await form.getByLabel("3 stars").check();
    await form.getByLabel("Your review").fill("Bright, but the handle rattles.");
    await form.getByRole("button", { name: "Post review" }).click();
    const review = page.getByRole("article", { name: "Review by Sam Shopper" });
    await expect(review).toContainText("Bright, but the handle rattles.");
    await expect(page.getByText("Thanks — you have reviewed this product.")).toBeVisible();

    await review.getByRole("button", { name: "Edit" }).click();
    const edit = page.locator("form").filter({ hasText: "Edit your review" });
    await edit.getByLabel("5 stars").check();
    await edit.getByLabel("Your review").fill("Bright, and the rattle was a loose screw. Love it.");
    await edit.getByRole("button", { name: "Save review" }).click();
    await expect(review).toContainText("Love it.");
    await expect(review).toContainText("edited");
    // The summary moved the review from 3 stars to 5.
    await expect(page.getByRole("list", { name: "Ratings by stars" }).getByRole("listitem").filter({ hasText: "5 star" })).toContainText("100%");

    await review.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog", { name: "Delete your review?" }).getByRole("button", { name: "Delete review" }).click();
    await expect(page.getByText("Nobody has reviewed this product yet.")).toBeVisible();
    await expect(page.locator("form").filter({ hasText: "Write a review" })).toBeVisible();
  });

  test("a buyer who leaves the payment page finds the way back from the order page", async ({ page }) => {
    const kayak = await createTestProduct({ name: "Folding Kayak", priceCents: 89_000, onHand: 2 });
    await addToCart(page, kayak);
    await fillCheckout(page, `guest-${randomUUID().slice(0, 8)}@example.com`);
    const paymentPage = page.url();

    await page.getByRole("link", { name: "Cancel and return to the store" }).click();
    await expect(page.getByText("Payment not completed")).toBeVisible();
    expect(await readStock(kayak.id)).toEqual({ onHand: 2, reserved: 1 });

    await page.getByRole("link", { name: "Complete payment" }).click();
    await expect(page).toHaveURL(paymentPage);
    await payWith(page, "4242 4242 4242 4242");
    await expect(page.getByTestId("order-status")).toHaveText(/paid/i, { timeout: 30_000 });
    await expect(page.getByRole("link", { name: "Complete payment" })).toHaveCount(0);
  });
});
