import { expect, test } from "./support/test";
import { waitForMail } from "./support/outbox";
import { newPerson, openContext, signUp } from "./support/people";

/** Submits that hash a password (scrypt, slow by design) can take long on a shared 2-core box. */
const SUBMIT_TIMEOUT = 30_000;

test.describe("account recovery", () => {
  test("forgot password → mail in the outbox → reset → sign in with the new password; the old one and the used link are refused", async ({ browser, baseURL }) => {
    // A sign-up, a reset and three sign-in attempts, each hashing a password: minutes on a busy shared 2-core box.
    test.setTimeout(180_000);
    const person = newPerson("Rita");
    const home = await openContext(browser, baseURL);
    await signUp(home.page, person);

    const { context, page } = await openContext(browser, baseURL);
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
    await page.getByLabel("Email").fill(person.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByRole("status")).toContainText(`If an account uses ${person.email}`, { timeout: SUBMIT_TIMEOUT });

    const mail = await waitForMail(person.email, /Reset your Casebook password/);
    expect(mail.link).toMatch(/\/api\/auth\/reset-password\/[\w-]+\?callbackURL=%2Freset-password$/);
    await page.goto(mail.link);
    await expect(page).toHaveURL(/\/reset-password\?token=/);
    await expect(page.getByText("At least 8 characters, and not a commonly used password.")).toBeVisible();

    const newPassword = page.getByLabel("New password", { exact: true });
    await newPassword.fill("password123");
    await page.getByLabel("Repeat the new password").fill("password123");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(newPassword).toHaveAccessibleDescription(/too common/, { timeout: SUBMIT_TIMEOUT });

    await newPassword.fill("a-brand-new-passphrase");
    await page.getByLabel("Repeat the new password").fill("a-brand-new-passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status")).toContainText("You were signed out on every device", { timeout: SUBMIT_TIMEOUT });

    // The session that was open elsewhere is gone.
    await home.page.reload();
    await expect(home.page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

    // The link worked once.
    await page.goto(mail.link);
    await expect(page.getByRole("alert").filter({ hasText: "This link no longer works" })).toBeVisible();

    await page.goto("/sign-in");
    await page.getByLabel("Email or username").fill(person.email);
    await page.getByLabel("Password", { exact: true }).fill(person.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "don't match" })).toBeVisible({ timeout: SUBMIT_TIMEOUT });

    await page.getByLabel("Password", { exact: true }).fill("a-brand-new-passphrase");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/", { timeout: SUBMIT_TIMEOUT });
    await expect(page.getByRole("banner").getByRole("button", { name: /account menu/i })).toContainText(person.name);
    await context.close();
    await home.context.close();
  });

  test("an unknown address gets the same answer", async ({ page }) => {
    const email = `nobody-${Date.now().toString(36)}@example.com`;
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByRole("status")).toContainText(`If an account uses ${email}`, { timeout: SUBMIT_TIMEOUT });
  });

  test("sign-up mails a confirmation link; the profile shows the address confirmed after it", async ({ page }) => {
    test.slow();
    const person = newPerson("Vera");
    await signUp(page, person);
    await page.goto("/settings/profile");
    await expect(page.getByText("Not confirmed")).toBeVisible();
    await expect(page.getByRole("button", { name: "Send confirmation email again" })).toBeVisible();

    const mail = await waitForMail(person.email, /Confirm your email/);
    await page.goto(mail.link);
    await expect(page).toHaveURL(/\/settings\/profile$/);
    await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
  });

  test("the mail outbox is for administrators: alice reads it with clickable links, bob gets a refusal", async ({ browser, baseURL }) => {
    test.slow();
    const person = newPerson("Otto");
    const newcomer = await openContext(browser, baseURL);
    await signUp(newcomer.page, person);
    await waitForMail(person.email, /Confirm your email/);

    for (const [username, isAdmin] of [["alice", true], ["bob", false]] as const) {
      const { context, page } = await openContext(browser, baseURL);
      await page.goto("/sign-in?next=%2Fadmin%2Foutbox");
      await page.getByRole("button", { name: new RegExp(`@${username}\\b`) }).click();
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).toHaveURL(/\/admin\/outbox$/, { timeout: SUBMIT_TIMEOUT });
      if (isAdmin) {
        await expect(page.getByRole("heading", { name: "Mail outbox" })).toBeVisible();
        const row = page.getByRole("row").filter({ hasText: person.email }).filter({ hasText: "Confirm your email" });
        await expect(row).toBeVisible();
        await expect(row.getByRole("link", { name: /\/api\/auth\/verify-email\?token=/ })).toBeVisible();
      } else {
        await expect(page.getByRole("heading", { name: "This page is not for your account" })).toBeVisible();
        await expect(page.getByRole("table")).toHaveCount(0);
        // The status says so too, not only the words: a reload is answered 403.
        expect((await page.request.get("/admin/outbox")).status()).toBe(403);
      }
      await context.close();
    }
    await newcomer.context.close();
  });
});
