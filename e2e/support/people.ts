import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

/**
 * People signed up fresh by the spec that needs them, each in their own
 * browser context, so no spec touches a demo account or another spec's user.
 */
export type Person = { name: string; username: string; email: string; password: string };

/** Unique per call: specs run in parallel and against a database that keeps every earlier run's users. */
export function newPerson(first: string): Person {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name: `${first} Chat`, username: `${first.toLowerCase()}_${tag}`, email: `${first.toLowerCase()}-${tag}@example.com`, password: "a-long-enough-password" };
}

export async function signUp(page: Page, person: Person): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill(person.name);
  await page.getByLabel("Username", { exact: true }).fill(person.username);
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  // Specs sign several people up at once, each hashing a password (slow by design): on 2 busy cores that can pass 10 s.
  await expect(page).toHaveURL((url) => url.pathname === "/", { timeout: 30_000 });
}

export async function signIn(page: Page, person: Person): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email or username").fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
}

/** A context of its own per person: separate cookies, so separate sessions side by side. */
export async function openContext(browser: Browser, baseURL: string | undefined): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  return { context, page: await context.newPage() };
}

/** The seeded demo administrator (alice / casebook-demo), signed in in a context of her own. */
export async function openDemoAdmin(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const { page } = await openContext(browser, baseURL);
  await page.goto("/sign-in");
  await page.getByLabel("Email or username").fill("alice");
  await page.getByLabel("Password", { exact: true }).fill("casebook-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/", { timeout: 30_000 });
  return page;
}
