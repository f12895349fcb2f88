import { expect, test } from "./support/test";

/** A system that has not landed says so plainly: no ticks beside planned features, and it suggests only systems that work. */
test("the Rides placeholder says what is coming without ticks and suggests only working systems", async ({ page }) => {
  await page.goto("/rides");
  await expect(page.getByRole("heading", { level: 1, name: "Rides" })).toBeVisible();
  await expect(page.getByText("Nothing on this page works yet.")).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.locator("svg path[d^='M16.7 5.3']")).toHaveCount(0);
  expect(await main.innerText()).not.toMatch(/[✓✔]/);
  const working = page.getByRole("heading", { name: "Working today" }).locator("xpath=..").getByRole("list");
  for (const name of ["Links", "Chat", "Shop"]) await expect(working.getByRole("link", { name: new RegExp(`^${name}`) })).toBeVisible();
  await expect(working.getByRole("link", { name: /^Rides/ })).toHaveCount(0);
});
