import { expect, test } from "./support/test";

/** The home page tells a stranger what to try first, and every built system's card shows live numbers. */
test.describe("home page", () => {
  test("built systems show live numbers, not 'Coming soon'", async ({ page }) => {
    await page.goto("/");
    const cards = page.getByRole("list", { name: "The six systems" }).getByRole("listitem");
    for (const [name, label] of [
      ["Links", "short links"],
      ["Chat", "messages sent"],
      ["Shop", "orders paid"],
      ["Feed", "posts"],
      ["Video", "videos to watch"],
      ["Rides", "trips completed"],
    ] as const) {
      const card = cards.filter({ has: page.getByRole("link", { name, exact: true }) });
      await expect(card.getByTestId("system-stat")).toHaveText(new RegExp(`^[\\d,]+ ${label}$`));
      await expect(card.getByText("Coming soon")).toHaveCount(0);
    }
  });

  test("a signed-out visitor is told to sign in as a demo user first", async ({ page }) => {
    await page.goto("/");
    const tryFirst = page.getByRole("region", { name: /try it first as a demo user/i });
    await expect(tryFirst).toContainText("casebook-demo");
    await tryFirst.getByRole("link", { name: "Sign in as a demo user" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Demo accounts" })).toBeVisible();
  });
});
