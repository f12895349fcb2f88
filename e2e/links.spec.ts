import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "./support/test";

/**
 * Links end to end, each test as a freshly signed-up person: shorten in the UI
 * (with a refused javascript: URL first), follow the short URL in a second tab
 * and watch the analytics page's click count rise live; a taken alias is
 * reported on its field; delete asks first and removes the row.
 *
 * Clicks count only for browser user agents: the project's "Desktop Chrome"
 * device sends a normal Chrome UA (not "HeadlessChrome"), which every page of
 * the context shares, so the second tab's redirect is a human click.
 */

function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

async function signUp(page: Page): Promise<void> {
  const tag = uniqueTag();
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Lina Links");
  await page.getByLabel("Username", { exact: true }).fill(`lina_${tag}`);
  await page.getByLabel("Email", { exact: true }).fill(`lina-${tag}@example.com`);
  await page.getByLabel("Password", { exact: true }).fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
}

/** Resolves once the gateway confirms the page's subscription to its private user channel: from then on, pushes arrive. */
function userChannelSubscribed(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on("websocket", (socket) => {
      socket.on("framereceived", ({ payload }) => {
        const text = typeof payload === "string" ? payload : payload.toString();
        if (text.includes("pusher_internal:subscription_succeeded") && text.includes('"private-user-')) resolve();
      });
    });
  });
}

/**
 * The sites the links point to: a small HTTP server of this spec's own (there
 * is no internet here). Links to the app itself, under any of its host names,
 * are refused as loops.
 */
let destinationSite: http.Server;
test.beforeAll(async () => {
  destinationSite = http.createServer((request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><title>Destination</title><h1>Destination ${request.url ?? "/"}</h1>`);
  });
  await new Promise<void>((resolve) => destinationSite.listen(0, "127.0.0.1", resolve));
});
test.afterAll(async () => {
  await new Promise((resolve) => destinationSite.close(resolve));
});

function destinationUrl(path: string): string {
  const address = destinationSite.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}${path}`;
}

async function shorten(page: Page, fields: { url: string; alias?: string }): Promise<void> {
  await page.getByLabel("Long URL").fill(fields.url);
  if (fields.alias) await page.getByLabel("Custom alias (optional)").fill(fields.alias);
  await page.getByRole("button", { name: "Shorten" }).click();
}

test.describe("links", () => {
  // Each test signs someone up (password hashing is slow by design): at 30 s the quiet CI machine used up to 22.5 s.
  test.describe.configure({ timeout: 60_000 });

  test("shorten a URL, follow it in a second tab, and see the click count rise live", async ({ page }) => {
    await signUp(page);
    const subscribed = userChannelSubscribed(page);
    await page.goto("/links");
    await expect(page.getByRole("heading", { level: 1, name: "Links" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "No links yet — shorten your first URL" })).toBeVisible();

    // A javascript: URL is refused by the server, next to the URL field.
    const longUrl = page.getByLabel("Long URL");
    await shorten(page, { url: "javascript:alert(1)" });
    await expect(longUrl).toHaveAttribute("aria-invalid", "true");
    await expect(longUrl).toHaveAccessibleDescription(/Only http:\/\/ and https:\/\/ links can be shortened\./);

    const destination = destinationUrl("/feed");
    await shorten(page, { url: destination });
    const result = page.getByRole("region", { name: "Your short link" });
    await expect(result).toBeVisible();
    await expect(longUrl).not.toHaveAttribute("aria-invalid");
    const shortLink = result.getByTestId("short-url");
    await expect(shortLink).toHaveText(/\/[0-9A-Za-z]{7}$/);
    const shortUrl = (await shortLink.textContent()) ?? "";
    const code = shortUrl.split("/").at(-1) ?? "";
    await expect(result.getByRole("img", { name: `QR code for ${shortUrl}` })).toBeVisible();
    await expect(result.getByRole("link", { name: /^PNG/ })).toHaveAttribute("download", `qr-${code}.png`);
    await expect(result.getByRole("link", { name: /^SVG/ })).toHaveAttribute("download", `qr-${code}.svg`);
    await expect(result.getByRole("button", { name: "Copy short URL" })).toBeVisible();

    // The new link is listed under "My links" with no clicks yet.
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `/${code}`, exact: true }) });
    await expect(row.getByTestId("click-count")).toHaveText("0");

    // The analytics page is open before the click and is never reloaded.
    await result.getByRole("link", { name: "View analytics" }).click();
    await expect(page).toHaveURL(new RegExp(`/links/${code}$`));
    await expect(page.getByRole("heading", { level: 1, name: `/${code}` })).toBeVisible();
    const totalClicks = page.getByTestId("total-clicks");
    await expect(totalClicks).toHaveText("0");
    await subscribed;

    const visitor = await page.context().newPage();
    await visitor.goto(shortUrl);
    await expect(visitor).toHaveURL(destination);
    await visitor.close();

    // The worker ingests clicks in batches, then pushes the new total over realtime.
    await expect(totalClicks).toHaveText("1", { timeout: 15_000 });
    await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", `/api/links/${code}/clicks.csv`);

    // The click came from loopback: its country is Unknown, and the page says why.
    await page.reload();
    const countries = page.getByRole("region", { name: "Countries" });
    await expect(countries.getByRole("listitem")).toContainText(["Unknown"]);
    await expect(countries).toContainText("Unknown: clicks from a private or local network");
  });

  test("a taken alias is reported on its field; delete asks first and removes the row", async ({ page }) => {
    await signUp(page);
    await page.goto("/links");
    const alias = `e2e-${uniqueTag()}`;
    const destination = destinationUrl("/chat");

    await shorten(page, { url: destination, alias });
    await expect(page.getByRole("region", { name: "Your short link" }).getByTestId("short-url")).toHaveText(new RegExp(`/${alias}$`));

    await shorten(page, { url: destination, alias });
    const aliasField = page.getByLabel("Custom alias (optional)");
    await expect(aliasField).toHaveAttribute("aria-invalid", "true");
    await expect(aliasField).toHaveAccessibleDescription(`The alias "${alias}" is already taken.`);

    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `/${alias}`, exact: true }) });
    await expect(row).toHaveCount(1);
    await row.getByRole("button", { name: `Actions for /${alias}` }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();

    const dialog = page.getByRole("dialog", { name: `Delete /${alias}?` });
    await expect(dialog).toBeVisible();
    // Cancelling keeps the link.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toHaveCount(1);

    await row.getByRole("button", { name: `Actions for /${alias}` }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    await dialog.getByRole("button", { name: "Delete link" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "No links yet — shorten your first URL" })).toBeVisible();
  });

  test("edit, disable and filter links; click counts in the list update live", async ({ page }) => {
    await signUp(page);
    const subscribed = userChannelSubscribed(page);
    await page.goto("/links");
    const alias = `e2e-${uniqueTag()}`;
    await shorten(page, { url: destinationUrl("/shop"), alias });
    const shortUrl = (await page.getByRole("region", { name: "Your short link" }).getByTestId("short-url").textContent()) ?? "";
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `/${alias}`, exact: true }) });
    await expect(row.getByTestId("click-count")).toHaveText("0");

    // Edit: title, tags and a new destination.
    await row.getByRole("button", { name: `Actions for /${alias}` }).click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    const dialog = page.getByRole("dialog", { name: `Edit /${alias}` });
    await dialog.getByLabel("Title").fill("Spring sale");
    await dialog.getByLabel("Tags").fill("promo, spring");
    const newDestination = destinationUrl("/videos");
    await dialog.getByLabel("Destination URL").fill(newDestination);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("Spring sale");
    await expect(row).toContainText(newDestination);
    await expect(row.getByRole("button", { name: "Show links tagged promo" })).toBeVisible();

    // A click in another tab moves the count in the list without a reload.
    await subscribed;
    const visitor = await page.context().newPage();
    await visitor.goto(shortUrl);
    await expect(visitor).toHaveURL(newDestination);
    await visitor.close();
    await expect(row.getByTestId("click-count")).toHaveText("1", { timeout: 15_000 });

    // Disable, then filter by status.
    await row.getByRole("button", { name: `Actions for /${alias}` }).click();
    await page.getByRole("menuitem", { name: "Disable" }).click();
    await expect(row).toContainText("Disabled");
    const status = page.getByLabel("Status", { exact: true });
    await status.selectOption("active");
    await expect(row).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "No links match these filters" })).toBeVisible();
    await status.selectOption("disabled");
    await expect(row).toHaveCount(1);

    // Enable again; the tag filter finds it, a search for something else does not.
    await row.getByRole("button", { name: `Actions for /${alias}` }).click();
    await page.getByRole("menuitem", { name: "Enable" }).click();
    await expect(row).toHaveCount(0);
    await status.selectOption("all");
    await page.getByLabel("Tag", { exact: true }).fill("spring");
    await expect(row).toHaveCount(1);
    await page.getByLabel("Search", { exact: true }).fill("no-such-link-anywhere");
    await expect(row).toHaveCount(0);
  });

  test("API keys: shown once at creation, usable with the public API, revoked after a confirm", async ({ page }) => {
    await signUp(page);
    await page.goto("/links");
    await page.getByRole("link", { name: "API keys" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
    await expect(page.getByText("No API keys yet.")).toBeVisible();

    await page.getByLabel("Key name").fill("E2E script");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = (await page.getByTestId("new-api-key").textContent()) ?? "";
    expect(key).toMatch(/^cbk_/);
    await expect(page.getByText("it is shown only this once")).toBeVisible();
    const listed = page.getByRole("listitem").filter({ hasText: "E2E script" });
    await expect(listed).toContainText(key.slice(0, 12));
    await expect(listed).toContainText("never used");

    const alias = `api-${uniqueTag()}`;
    const created = await page.request.post("/api/shorten", {
      headers: { authorization: `Bearer ${key}` },
      data: { url: destinationUrl("/feed"), customAlias: alias },
    });
    expect(created.status()).toBe(201);
    expect(await created.json()).toMatchObject({ shortCode: alias });

    await listed.getByRole("button", { name: "Revoke E2E script" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke “E2E script”?" });
    await dialog.getByRole("button", { name: "Revoke key" }).click();
    await expect(dialog).toBeHidden();
    await expect(listed).toContainText("Revoked");
    // Revocation is immediate on every web instance (the key cache lives in Redis).
    const afterRevoke = await page.request.post("/api/shorten", {
      headers: { authorization: `Bearer ${key}` },
      data: { url: destinationUrl("/feed") },
    });
    expect(afterRevoke.status()).toBe(401);
  });

  test("create with a password and UTM parameters from the form; copy a row's short URL; the visitor unlocks it", async ({ page }) => {
    test.slow(); // a sign-up and a link password: hashing is slow by design
    await signUp(page);
    await page.goto("/links");
    const destination = destinationUrl("/sale");
    await page.getByLabel("Long URL").fill(destination);
    await page.getByRole("button", { name: /^More options/ }).click();
    await page.getByLabel("Source").fill("newsletter");
    await page.getByLabel("Campaign").fill("spring sale");
    const tagged = `${destination}?utm_source=newsletter&utm_campaign=spring+sale`;
    await expect(page.getByTestId("utm-preview")).toHaveText(`The link will open ${tagged}`);
    // Too short a password is refused before anything is sent, next to its field.
    const password = page.getByLabel("Password (optional)");
    await password.fill("abc");
    await page.getByRole("button", { name: "Shorten" }).click();
    await expect(password).toHaveAccessibleDescription(/Passwords have at least 4 characters\./);
    await password.fill("open-sesame");
    await page.getByRole("button", { name: "Shorten" }).click();

    const result = page.getByRole("region", { name: "Your short link" });
    await expect(result).toContainText(tagged);
    const shortUrl = (await result.getByTestId("short-url").textContent()) ?? "";
    const code = shortUrl.split("/").at(-1) ?? "";
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `/${code}`, exact: true }) });
    await expect(row.getByText("Password", { exact: true })).toBeVisible();

    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const copy = row.getByRole("button", { name: `Copy ${shortUrl}` });
    await copy.click();
    await expect(copy).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shortUrl);

    const visitor = await page.context().newPage();
    await visitor.goto(shortUrl);
    await expect(visitor.getByRole("heading", { name: "This link is password-protected" })).toBeVisible();
    await visitor.getByLabel("Password").fill("not-it");
    await visitor.getByRole("button", { name: "Continue" }).click();
    await expect(visitor.getByRole("alert").filter({ hasText: "not right" })).toHaveText("That password is not right. Please try again.");
    await visitor.getByLabel("Password").fill("open-sesame");
    await visitor.getByRole("button", { name: "Continue" }).click();
    await expect(visitor).toHaveURL(tagged);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Destination /sale?utm_source=newsletter&utm_campaign=spring+sale");
    await visitor.close();
  });

  test("signed-out visitors are asked to sign in", async ({ page }) => {
    await page.goto("/links");
    await expect(page.getByRole("heading", { name: "Sign in to shorten links" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in?next=%2Flinks");
    await page.goto("/links/abcdefg");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  });
});
