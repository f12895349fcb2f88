import { expect, test, type Page } from "./support/test";
import { newPerson, signUp } from "./support/people";
import { createTestProduct } from "./support/shop-fixtures";

/**
 * Phones: a signed-in person with items in the cart (the widest header there
 * is) never gets a page that scrolls sideways, at 360 and 390 px, on any main
 * page; and the first search result shows without scrolling.
 */

const MAIN_PAGES = [
  "/",
  "/links",
  "/chat",
  "/feed",
  "/shop",
  "/shop/search?q=headphones",
  "/shop/cart",
  "/shop/checkout",
  "/shop/orders",
  "/videos",
  "/rides",
  "/notifications",
  "/settings/profile",
  "/settings/api-keys",
];

async function signUpWithCart(page: Page): Promise<void> {
  // A long display name: the header's account button must not widen the page.
  await signUp(page, { ...newPerson("Penelope"), name: "Penelope Phone-Number-Long-Name" });

  const product = await createTestProduct({ name: "Pocket Torch", priceCents: 1_200, onHand: 20 });
  await page.goto(`/shop/products/${product.slug}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(/Added 1 to your cart/)).toBeVisible();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("header-cart-link")).toHaveAttribute("aria-label", "Cart, 2 items");
}

for (const width of [360, 390]) {
  test(`no main page scrolls sideways at ${width} px, signed in with a full cart`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 780 });
    await signUpWithCart(page);
    for (const path of MAIN_PAGES) {
      await page.goto(path);
      await expect(page.getByRole("banner")).toBeVisible();
      await page.waitForLoadState("networkidle").catch(() => undefined);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth, `${path} is ${scrollWidth} px wide on a ${innerWidth} px screen`).toBeLessThanOrEqual(innerWidth);
    }
  });
}

test("on a phone, the first search result is on screen without scrolling", async ({ page }) => {
  // An iPhone's visible area in Safari, browser bars taken off.
  await page.setViewportSize({ width: 390, height: 664 });
  await page.goto("/shop/search?q=headphones");
  const name = page.getByTestId("product-card").first().getByRole("heading");
  await expect(name).toBeVisible();
  const box = await name.boundingBox();
  expect(box, "the first result's name has a box").not.toBeNull();
  // Its picture and name are above the fold.
  expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(664);
});
