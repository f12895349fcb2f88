import { test as base, expect, type BrowserContext } from "@playwright/test";

export { expect };
export type { Browser, BrowserContext, Locator, Page, WebSocket } from "@playwright/test";

/**
 * Every spec takes `test` from here. Each page a test opens — in its own
 * context or in one the spec opens itself (browser.newContext/newPage) — fails
 * the test on any Content-Security-Policy violation: the browser's own console
 * report ("Refused to … Content Security Policy …") or a
 * `securitypolicyviolation` event, which an init script logs.
 * A test about the policy itself opts out with `test.use({ cspViolationsAllowed: true })`.
 */
export const test = base.extend<{ cspViolationsAllowed: boolean; cspGuard: void }>({
  cspViolationsAllowed: [false, { option: true }],
  cspGuard: [
    async ({ browser, context, cspViolationsAllowed }, run) => {
      const violations: string[] = [];
      await watchForViolations(context, violations);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const opened = await newContext(options);
        await watchForViolations(opened, violations);
        return opened;
      };
      try {
        await run();
      } finally {
        browser.newContext = newContext;
      }
      if (!cspViolationsAllowed) expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

async function watchForViolations(context: BrowserContext, violations: string[]): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline code"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  context.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
  });
}
