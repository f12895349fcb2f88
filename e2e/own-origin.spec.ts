import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { createTestProduct } from "./support/shop-fixtures";

/**
 * The stack runs without APP_URL (http://localhost:<port> is only its
 * default). Opened at http://127.0.0.1:<port> instead, every link the app
 * builds for the browser stays on 127.0.0.1: the payment page, the return to
 * the order after paying, short URLs in the UI and from POST /api/shorten.
 * X-Forwarded-Host from a client that is not a trusted proxy changes nothing.
 */

/** The stack's own URL under its other loopback name. */
function otherOrigin(baseURL: string | undefined): string {
  const url = new URL(baseURL ?? "http://localhost:3000");
  expect(url.hostname, "the stack's default origin is localhost").toBe("localhost");
  url.hostname = "127.0.0.1";
  return url.origin;
}

async function signUp(page: Page, origin: string): Promise<void> {
  const tag = randomUUID().slice(0, 8);
  await page.goto(`${origin}/sign-up`);
  await page.getByLabel("Display name").fill("Olga Origin");
  await page.getByLabel("Username", { exact: true }).fill(`olga_${tag}`);
  await page.getByLabel("Email", { exact: true }).fill(`olga-${tag}@example.com`);
  await page.getByLabel("Password", { exact: true }).fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(`${origin}/`, { timeout: 30_000 });
}

test.describe("links built for the browser follow the origin it used", () => {
  test.describe.configure({ timeout: 120_000 });

  test("checkout at 127.0.0.1: the payment page and the return after paying stay there", async ({ page, baseURL }) => {
    const origin = otherOrigin(baseURL);
    const product = await createTestProduct({ name: "Origin Mug", priceCents: 1_500, onHand: 3 });
    await page.goto(`${origin}/shop/products/${product.slug}`);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText(/Added 1 to your cart/)).toBeVisible();

    await page.goto(`${origin}/shop/checkout`);
    await page.getByLabel("Email").fill(`guest-${randomUUID().slice(0, 8)}@example.com`);
    await page.getByLabel("Full name").fill("Olga Origin");
    await page.getByLabel("Address line 1").fill("1 Loopback Lane");
    await page.getByLabel("City").fill("Springfield");
    await page.getByLabel("Postal code").fill("62701");
    await page.getByLabel("Country").selectOption("US");
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page).toHaveURL(new RegExp(`^${origin}/pay/cs_test_`));

    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByLabel("Expiry (MM / YY)").fill("1234");
    await page.getByLabel("CVC").fill("123");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(new RegExp(`^${origin}/shop/orders/[^/?]+`), { timeout: 20_000 });
    await expect(page.getByTestId("order-status")).toHaveText(/paid/i, { timeout: 30_000 });
  });

  test("short URLs at 127.0.0.1: in the UI, in the list, and from POST /api/shorten", async ({ page, baseURL }) => {
    const origin = otherOrigin(baseURL);
    await signUp(page, origin);
    await page.goto(`${origin}/links`);
    await page.getByLabel("Long URL").fill("https://example.com/origin-check");
    await page.getByRole("button", { name: "Shorten" }).click();
    const shortLink = page.getByRole("region", { name: "Your short link" }).getByTestId("short-url");
    await expect(shortLink).toHaveText(new RegExp(`^${origin}/[0-9A-Za-z]{7}$`));
    const code = ((await shortLink.textContent()) ?? "").split("/").at(-1) ?? "";

    await page.getByRole("link", { name: "View analytics" }).click();
    await expect(page.getByRole("link", { name: `${origin}/${code}` })).toBeVisible();

    const anonymous = await page.request.post(`${origin}/api/shorten`, {
      data: { url: "https://example.com/api-origin" },
      // Not from a trusted proxy (none is configured): a client's own forwarding headers are not believed.
      headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    });
    expect(anonymous.status()).toBe(201);
    expect(((await anonymous.json()) as { shortUrl: string }).shortUrl).toMatch(new RegExp(`^${origin}/[0-9A-Za-z]{7}$`));
  });
});
