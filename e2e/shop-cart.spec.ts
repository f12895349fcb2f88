import { expect, test, type Page } from "./support/test";
import { createTestProduct, setStock, type TestProduct } from "./support/shop-fixtures";

/**
 * The cart end to end: a guest adds a product from its page (the cart lives
 * behind the httpOnly `cb_cart` cookie), changes the quantity on the cart page,
 * sees a stock problem with its fix, removes a line, and signs in as a demo
 * user whose own cart the guest cart joins, quantities added up, cookie gone.
 *
 * The products are made for this run straight in the database the end-to-end
 * stack uses (CASEBOOK_DATABASE_URL), so the test does not depend on the demo
 * catalog and other specs do not touch them.
 */

/** `shop.cart.*` over HTTP with the page's own cookies, as the browser's tRPC client would call it. */
async function cartCall(page: Page, procedure: "add" | "remove" | "setQuantity", input: Record<string, unknown>): Promise<void> {
  const response = await page.request.post(`/api/trpc/shop.cart.${procedure}`, { data: { json: input } });
  expect(response.ok(), await response.text()).toBe(true);
}

function lineOf(page: Page, product: TestProduct) {
  return page.getByTestId("cart-line").filter({ hasText: product.name });
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel("Email or username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill("casebook-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test.describe("shop cart", () => {
  test("a guest fills a cart, fixes a stock problem, and the cart joins the account's at sign-in", async ({ page, browser }) => {
    // Two sign-ins and a dozen round trips on a shared 2-core machine.
    test.slow();
    const mug = await createTestProduct({ name: "Cart Mug", priceCents: 1_250, onHand: 20 });
    const lamp = await createTestProduct({ name: "Cart Lamp", priceCents: 3_000, onHand: 5 });

    // Dave already has one mug in his account's cart, added on another device.
    const otherDevice = await browser.newPage();
    await otherDevice.goto("/sign-in");
    await signIn(otherDevice, "dave");
    await expect(otherDevice).toHaveURL((url) => url.pathname === "/");
    await cartCall(otherDevice, "add", { productId: mug.id, quantity: 1 });
    await otherDevice.close();

    // Signed out: the empty state first.
    await page.goto("/shop/cart");
    await expect(page.getByRole("heading", { name: "Your cart is empty" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Browse the shop" })).toHaveAttribute("href", "/shop");

    // The product page's form: pick 2, add, follow the link to the cart.
    await page.goto(`/shop/products/${mug.slug}`);
    await page.getByLabel("Quantity").selectOption("2");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText("Added 2 to your cart.")).toBeVisible();
    await expect(page.getByTestId("header-cart-link")).toHaveAccessibleName("Cart, 2 items");
    const cookie = (await page.context().cookies()).find((entry) => entry.name === "cb_cart");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    await page.getByRole("link", { name: "View cart" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/shop/cart");

    const mugLine = lineOf(page, mug);
    await expect(mugLine.getByTestId("line-quantity")).toHaveText("2");
    await expect(mugLine.getByTestId("line-total")).toHaveText("$25.00");
    await expect(page.getByRole("link", { name: mug.name })).toHaveAttribute("href", `/shop/products/${mug.slug}`);
    await expect(page.getByTestId("cart-shipping")).toHaveText("$4.99");
    await expect(page.getByTestId("cart-total")).toHaveText("$29.99");
    await expect(page.getByTestId("header-cart-link")).toHaveAccessibleName("Cart, 2 items");

    // Quantity up with the stepper: totals and the header badge follow.
    await mugLine.getByRole("button", { name: "Increase quantity" }).click();
    await expect(mugLine.getByTestId("line-quantity")).toHaveText("3");
    await expect(page.getByTestId("cart-subtotal")).toHaveText("$37.50");
    await expect(page.getByTestId("header-cart-link")).toHaveAccessibleName("Cart, 3 items");

    // A second product, then its stock drops under what the cart holds.
    await cartCall(page, "add", { productId: lamp.id, quantity: 3 });
    await setStock(lamp.id, 1);
    await page.reload();
    const lampLine = lineOf(page, lamp);
    await expect(lampLine.getByTestId("line-problem")).toContainText("Only 1 left");
    const checkout = page.getByRole("button", { name: "Checkout" });
    await expect(checkout).toBeDisabled();
    await lampLine.getByRole("button", { name: "Set quantity to 1" }).click();
    await expect(lampLine.getByTestId("line-problem")).toHaveCount(0);
    await expect(lampLine.getByTestId("line-quantity")).toHaveText("1");
    await expect(page.getByRole("link", { name: "Checkout" })).toHaveAttribute("href", "/shop/checkout");
    // 3 × $12.50 + $30.00 reaches free shipping.
    await expect(page.getByTestId("cart-shipping")).toHaveText("Free");
    await expect(page.getByTestId("cart-total")).toHaveText("$67.50");

    await lampLine.getByRole("button", { name: `Remove ${lamp.name}` }).click();
    await expect(lampLine).toHaveCount(0);
    await expect(page.getByTestId("header-cart-link")).toHaveAccessibleName("Cart, 3 items");

    // Sign in as Dave: his one mug and the guest's three add up; the guest cookie is gone.
    await page.goto("/sign-in?next=%2Fshop%2Fcart");
    await signIn(page, "dave");
    await expect(page).toHaveURL((url) => url.pathname === "/shop/cart");
    await expect(lineOf(page, mug).getByTestId("line-quantity")).toHaveText("4");
    await expect(lineOf(page, lamp)).toHaveCount(0);
    expect((await page.context().cookies()).some((entry) => entry.name === "cb_cart")).toBe(false);

    // Leave Dave's cart as it was before this test.
    await cartCall(page, "remove", { productId: mug.id });
  });
});
