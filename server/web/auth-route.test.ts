import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * /api/auth/* (app/api/auth/[...all]/route.ts): the body cap before
 * better-auth parses anything, and better-auth's own origin check, which the
 * route table's guard does not repeat. better-auth turns that check off when
 * NODE_ENV is "test" or TEST is set (Vitest sets both); this file runs as the
 * app does (each test file has its own process), so the check measured is
 * the one in production.
 */
Object.assign(process.env, { NODE_ENV: "development", TEST: "false" });

let route: typeof import("@/app/api/auth/[...all]/route");
let appOrigin: string;
let closeAll: () => Promise<void>;

beforeAll(async () => {
  route = await import("@/app/api/auth/[...all]/route");
  appOrigin = new URL((await import("@/server/env")).appUrl).origin;
  const [{ db }, { redis }] = await Promise.all([import("@/server/platform/db"), import("@/server/platform/redis")]);
  closeAll = async () => {
    redis.disconnect();
    await db.$disconnect();
  };
});
afterAll(() => closeAll());

function post(path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return route.POST(new Request(`${appOrigin}/api/auth${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }));
}

async function signUp(): Promise<string> {
  const response = await post("/sign-up/email", JSON.stringify({ email: `${randomUUID()}@test.casebook.dev`, password: "correct-horse-battery", name: "Auth Route" }), { origin: appOrigin });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
}

describe("/api/auth/*", () => {
  it("refuses a cookie-carrying change from another origin or another port (better-auth's trustedOrigins)", async () => {
    const cookie = await signUp();
    for (const origin of ["https://attacker.example", "http://localhost:1"]) {
      const refused = await post("/sign-out", "{}", { cookie, origin });
      expect(refused.status, origin).toBe(403);
    }
    expect((await post("/sign-out", "{}", { cookie, origin: appOrigin })).status).toBe(200);
  });

  it("answers 413 for a body over 64 KB before better-auth reads it", async () => {
    const huge = await post("/sign-in/email", JSON.stringify({ email: "a@b.c", password: "x".repeat(70 * 1024) }), { origin: appOrigin });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });
});
