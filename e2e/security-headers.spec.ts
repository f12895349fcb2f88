import sharp from "sharp";
import { newPerson, signUp } from "./support/people";
import { expect, test } from "./support/test";

/** Response headers of the running app (proxy.ts, server/platform/security-headers.ts, serve-object.ts). */

function directives(policy: string | undefined): Map<string, string> {
  return new Map((policy ?? "").split(";").map((directive) => {
    const [name = "", ...sources] = directive.trim().split(/\s+/);
    return [name, sources.join(" ")];
  }));
}

test.describe("security headers", () => {
  test("pages carry a nonce-based policy, fresh for every request, and the scripts Next renders carry the nonce", async ({ request }) => {
    const nonces = new Set<string>();
    for (const path of ["/", "/links", "/shop"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const headers = response.headers();
      const policy = directives(headers["content-security-policy"]);
      const nonce = /'nonce-([^']+)'/.exec(policy.get("script-src") ?? "")?.[1] ?? "";
      expect(nonce, path).not.toBe("");
      nonces.add(nonce);
      expect(policy.get("script-src"), path).toContain("'strict-dynamic'");
      expect(policy.get("script-src"), path).not.toContain("'unsafe-inline'");
      expect(policy.get("frame-ancestors"), path).toBe("'none'");
      expect(policy.get("connect-src"), path).toMatch(/^'self' wss?:\/\/\S+:\d+$/);
      expect(headers, path).toMatchObject({
        "x-frame-options": "DENY",
        "x-content-type-options": "nosniff",
        "referrer-policy": "strict-origin-when-cross-origin",
      });
      expect(headers["permissions-policy"], path).toContain("geolocation=()");
      // Plain HTTP here, with no trusted proxy: no HSTS.
      expect(headers["strict-transport-security"], path).toBeUndefined();

      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(3);
  });

  test("geolocation is allowed on /rides pages only", async ({ request }) => {
    expect((await request.get("/rides")).headers()["permissions-policy"]).toContain("geolocation=(self)");
    expect((await request.get("/chat")).headers()["permissions-policy"]).toContain("geolocation=()");
  });

  test("API answers may load and run nothing", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.headers()).toMatchObject({
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
  });

  test("a stored file keeps its own policy: nothing runs, and it is not replaced by the API's", async ({ page }) => {
    await signUp(page, newPerson("Headers"));
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#2a9d8f" } }).png().toBuffer();
    const upload = await page.request.post("/api/accounts/avatar", { headers: { "content-type": "image/png" }, data: png });
    expect(upload.status()).toBe(200);
    const { image } = (await upload.json()) as { image: string };

    const file = await page.request.get(image);
    expect(file.status()).toBe(200);
    expect(file.headers()).toMatchObject({
      "content-type": "image/webp",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "cache-control": "public, max-age=31536000, immutable",
    });
    expect(file.headers()["content-security-policy"]).toMatch(/^default-src 'none';.*; sandbox$/);
  });
});

test.describe("an injected script", () => {
  test.use({ cspViolationsAllowed: true });

  test("does not run without the nonce, while the page's own scripts do", async ({ page }) => {
    const reports: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) reports.push(message.text());
    });
    // What a stored-XSS hole would serve: the real page, headers and all, with a script tag in its markup.
    await page.route("/", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace("<body", "<script>window.injected = true</script><body");
      await route.fulfill({ response, body: html });
    });
    await page.goto("/");

    // Hydrated: the theme toggle answers a click.
    const toggle = page.getByRole("button", { name: "Dark theme" });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    expect(await page.evaluate(() => (window as Window & { injected?: boolean }).injected)).toBeUndefined();
    await expect.poll(() => reports.some((text) => text.includes("script-src"))).toBe(true);
  });
});
