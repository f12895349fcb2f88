import { expect, test } from "./support/test";

const SYSTEMS = [
  { name: "Links", path: "/links" },
  { name: "Chat", path: "/chat" },
  { name: "Feed", path: "/feed" },
  { name: "Shop", path: "/shop" },
  { name: "Video", path: "/videos" },
  { name: "Rides", path: "/rides" },
];

test.describe("app shell", () => {
  test("the home page shows the six systems, each linking to its page", async ({ page }) => {
    await page.goto("/");
    const cards = page.getByRole("list", { name: "The six systems" }).getByRole("listitem");
    await expect(cards).toHaveCount(6);
    for (const [index, system] of SYSTEMS.entries()) {
      await expect(cards.nth(index).getByRole("link", { name: system.name })).toHaveAttribute("href", system.path);
    }
    // Live numbers arrive from system.homeStats.
    await expect(page.getByRole("region", { name: "Live platform numbers" }).getByText("people")).toBeVisible();
  });

  test("every page names its icon, so the browser shows it in the tab and asks for no /favicon.ico (a 404 and a console error)", async ({ page, request }) => {
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto("/");
    const icon = page.locator('head link[rel="icon"]');
    await expect(icon).toHaveCount(1);
    const answer = await request.get((await icon.getAttribute("href")) ?? "");
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toContain("image/svg+xml");
    await page.waitForLoadState("networkidle");
    expect(failed).toEqual([]);
  });

  test("the header navigation reaches each system's page", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("banner").getByRole("navigation", { name: "Systems" });
    for (const system of SYSTEMS) {
      await nav.getByRole("link", { name: system.name, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${system.path}$`));
      await expect(page.getByRole("heading", { level: 1, name: system.name })).toBeVisible();
      await expect(nav.getByRole("link", { name: system.name, exact: true })).toHaveAttribute("aria-current", "page");
    }
  });

  test("the theme toggle switches to dark and back, and the choice survives a reload", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    const html = page.locator("html");
    const toggle = page.getByRole("button", { name: "Dark theme" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");

    await toggle.click();
    await expect(html).toHaveClass(/\bdark\b/);
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

    await page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);

    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect(html).toHaveClass(/\blight\b/);
    await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "false");
  });

  test("keyboard users can skip to the content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });

  test("on a phone the systems sit behind a menu button", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto("/");
    const banner = page.getByRole("banner");
    await expect(banner.getByRole("link", { name: "Links", exact: true })).toBeHidden();
    await banner.getByRole("button", { name: "Open menu" }).click();
    await banner.getByRole("link", { name: "Rides", exact: true }).click();
    await expect(page).toHaveURL(/\/rides$/);
    await expect(page.getByRole("heading", { level: 1, name: "Rides" })).toBeVisible();
  });

  test("unknown addresses get a finished not-found page", async ({ page }) => {
    // Single segments are short-link codes (app/[code]); a deeper unknown path reaches the app's not-found page.
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  });
});
