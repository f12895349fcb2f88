import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Limits are read from env when the modules load: small numbers keep the test quick.
vi.hoisted(() => {
  process.env.LOGIN_LIMIT_PER_IP = "6";
  process.env.LOGIN_LIMIT_PER_PAIR = "3";
  process.env.LOGIN_LIMIT_PER_ACCOUNT = "5";
  process.env.LOGIN_LIMIT_WINDOW_SECONDS = "600";
  process.env.LOGIN_LIMIT_ACCOUNT_WINDOW_SECONDS = "3600";
  process.env.TRUSTED_PROXIES = "";
});

import { auth } from "@/server/platform/better-auth";
import { installAccountAuthExtensions } from "./auth-hooks";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { authCall, randomIp, TEST_PASSWORD as PASSWORD } from "./auth-http-kit";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

async function signIn(body: Record<string, string>, ip: string): Promise<Response> {
  return authCall(`/sign-in/${"email" in body ? "email" : "username"}`, { body, ip });
}

async function signUp(): Promise<{ email: string; username: string }> {
  const tag = randomUUID().replaceAll("-", "").slice(0, 10);
  const person = { email: `p-${tag}@test.casebook.dev`, username: `p_${tag}` };
  await auth.api.signUpEmail({ body: { name: "Pat Test", email: person.email, password: PASSWORD, username: person.username } });
  return person;
}

let person: { email: string; username: string };
beforeAll(async () => {
  installAccountAuthExtensions();
  person = await signUp();
});

describe("sign-in limits (better-auth hooks, real Redis)", () => {
  it("signs in by email or by username, and sends the rate-limit headers", async () => {
    const byEmail = await signIn({ email: person.email, password: PASSWORD }, randomIp());
    expect(byEmail.status).toBe(200);
    expect(byEmail.headers.get("x-ratelimit-limit")).toBeTruthy();
    expect(Number(byEmail.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);

    const byUsername = await signIn({ username: person.username.toUpperCase(), password: PASSWORD }, randomIp());
    expect(byUsername.status).toBe(200);
  });

  it("limits guesses on one account from one address, without locking the owner out elsewhere", async () => {
    const target = await signUp();
    const attacker = randomIp();
    const guesses = [
      signIn({ email: target.email, password: "wrong-password" }, attacker),
      signIn({ username: target.username, password: "wrong-password" }, attacker),
      signIn({ email: target.email.toUpperCase(), password: "wrong-password" }, attacker),
    ];
    for (const response of await Promise.all(guesses)) expect(response.status).toBe(401);

    // From the attacker's address even the right password waits now...
    const refused = await signIn({ email: target.email, password: PASSWORD }, attacker);
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { code: string; message: string };
    expect(body.code).toBe("LOGIN_RATE_LIMITED");
    expect(body.message).toMatch(/^Too many sign-in attempts for this account\. Please wait \d+ minutes? and try again\.$/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    // ...while the owner, at home, signs in.
    expect((await signIn({ email: target.email, password: PASSWORD }, randomIp())).status).toBe(200);
  });

  it("limits guesses spread over many addresses per account, but not from an address the owner signed in from", async () => {
    const target = await signUp();
    const home = randomIp();
    expect((await signIn({ email: target.email, password: PASSWORD }, home)).status).toBe(200);
    // Five guesses (the account-wide budget) from five addresses...
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await signIn({ email: target.email, password: "wrong-password" }, randomIp())).status).toBe(401);
    }
    // ...refuse a sixth address, right password or not,
    const refused = await signIn({ email: target.email, password: PASSWORD }, randomIp());
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { message: string }).message).toMatch(/^Too many sign-in attempts for this account\./);
    // but the owner's known address still gets in.
    expect((await signIn({ email: target.email, password: PASSWORD }, home)).status).toBe(200);
  });

  it("gives the pair its budget back after a successful sign-in", async () => {
    const target = await signUp();
    const ip = randomIp();
    expect((await signIn({ email: target.email, password: "wrong-password" }, ip)).status).toBe(401);
    expect((await signIn({ email: target.email, password: PASSWORD }, ip)).status).toBe(200);
    // Three more fit again (3 per window for the pair), the fourth does not (and the address's own budget of 6 is not spent yet).
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await signIn({ email: target.email, password: "wrong-password" }, ip)).status).toBe(401);
    }
    const refused = await signIn({ email: target.email, password: PASSWORD }, ip);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { message: string }).message).toMatch(/^Too many sign-in attempts for this account\./);
  });

  it("limits one address across many accounts, including names that don't exist", async () => {
    const ip = randomIp();
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await signIn({ username: `nobody_${randomUUID().slice(0, 8)}`, password: "guess-guess" }, ip);
      expect(response.status).toBe(401);
    }
    const refused = await signIn({ email: person.email, password: PASSWORD }, ip);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { message: string }).message).toMatch(/^Too many sign-in attempts from your network\./);
    // Another address is unaffected.
    expect((await signIn({ email: person.email, password: PASSWORD }, randomIp())).status).toBe(200);
  });
});
