import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Limits are read from env when the modules load: small numbers keep the test quick.
vi.hoisted(() => {
  process.env.SIGNUP_LIMIT_PER_IP = "3";
  process.env.USERNAME_CHECK_LIMIT_PER_IP = "3";
  process.env.ACCOUNT_MAIL_LIMIT_PER_IP = "3";
  process.env.TRUSTED_PROXIES = "";
});

import { appUrl } from "@/server/env";
import { getSessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { mediaUrl } from "@/server/platform/storage";
import { installAccountAuthExtensions } from "./auth-hooks";
import { authCall as call, cookieOf, latestMail, newPerson, randomIp, TEST_PASSWORD as PASSWORD } from "./auth-http-kit";

beforeAll(() => installAccountAuthExtensions());
afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

async function signUp(person = newPerson(), ip = randomIp()): Promise<{ person: typeof person; cookie: string; id: string }> {
  const response = await call("/sign-up/email", { body: person, ip });
  expect(response.status).toBe(200);
  const { user } = (await response.json()) as { user: { id: string } };
  return { person, id: user.id, cookie: cookieOf(response) };
}

async function signIn(email: string, password: string): Promise<Response> {
  return call("/sign-in/email", { body: { email, password } });
}

function resetTokenIn(text: string): string {
  const match = /\/api\/auth\/reset-password\/([A-Za-z0-9_-]+)\?callbackURL=%2Freset-password/.exec(text);
  if (!match?.[1]) throw new Error(`no reset link in: ${text}`);
  return match[1];
}

async function requestReset(email: string, ip = randomIp()): Promise<Response> {
  return call("/request-password-reset", { body: { email, redirectTo: "/reset-password" }, ip });
}

describe("rate limits per client address", () => {
  it("limits sign-ups per address", async () => {
    const ip = randomIp();
    for (let index = 0; index < 3; index += 1) await signUp(newPerson(), ip);
    const refused = await call("/sign-up/email", { body: newPerson(), ip });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is unaffected.
    await signUp(newPerson(), randomIp());
  });

  it("limits username availability checks per address", async () => {
    const ip = randomIp();
    for (let index = 0; index < 3; index += 1) {
      const allowed = await call("/is-username-available", { body: { username: `free_${index}_${randomUUID().slice(0, 6)}` }, ip });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get("x-ratelimit-limit")).toBe("3");
    }
    expect((await call("/is-username-available", { body: { username: "anyone_at_all" }, ip })).status).toBe(429);
  });

  it("limits password-reset mails per address", async () => {
    const ip = randomIp();
    for (let index = 0; index < 3; index += 1) expect((await requestReset(`${randomUUID()}@test.casebook.dev`, ip)).status).toBe(200);
    expect((await requestReset(`${randomUUID()}@test.casebook.dev`, ip)).status).toBe(429);
  });
});

describe("new passwords", () => {
  it("refuses a common password at sign-up, with a code the form maps to the field", async () => {
    const response = await call("/sign-up/email", { body: { ...newPerson(), password: "Password123" } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "PASSWORD_TOO_COMMON" });
  });

  it("refuses a common password on change, and accepts a good one", async () => {
    const { cookie } = await signUp();
    const common = await call("/change-password", { body: { currentPassword: PASSWORD, newPassword: "iloveyou1" }, cookie });
    expect(common.status).toBe(400);
    expect(await common.json()).toMatchObject({ code: "PASSWORD_TOO_COMMON" });
    const good = await call("/change-password", { body: { currentPassword: PASSWORD, newPassword: "a-much-better-passphrase" }, cookie });
    expect(good.status).toBe(200);
  });
});

describe("avatar images", () => {
  it("refuses any image address at sign-up", async () => {
    const response = await call("/sign-up/email", { body: { ...newPerson(), image: "https://evil.example/track.png" } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "INVALID_IMAGE" });
  });

  it("accepts only the person's own uploaded avatar on update", async () => {
    const { id, cookie } = await signUp();
    const other = await signUp();
    const own = mediaUrl(`avatars/${id}/0123456789abcdef0123.webp`);
    const theirs = mediaUrl(`avatars/${other.id}/0123456789abcdef0123.webp`);
    for (const image of ["https://evil.example/x.png", theirs, `${own}?x=1`, "/api/media/avatars/../x.webp"]) {
      const refused = await call("/update-user", { body: { image }, cookie });
      expect(refused.status, image).toBe(400);
    }
    expect((await call("/update-user", { body: { image: own }, cookie })).status).toBe(200);
    expect((await call("/update-user", { body: { image: null }, cookie })).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).image).toBeNull();
  });
});

describe("account recovery", () => {
  it("answers a reset request the same way whether or not the email has an account", async () => {
    const { person } = await signUp();
    const known = await requestReset(person.email);
    const unknown = await requestReset(`${randomUUID()}@test.casebook.dev`);
    expect(known.status).toBe(unknown.status);
    expect(await known.json()).toEqual(await unknown.json());
  });

  it("mails a link that resets the password once, signs out every session, and refuses the old password", async () => {
    const { person, id, cookie } = await signUp();
    const otherDevice = cookieOf(await signIn(person.email, PASSWORD));
    expect(await db.session.count({ where: { userId: id } })).toBe(2);

    await requestReset(person.email);
    const mail = await latestMail(person.email, /Reset your Casebook password/);
    const token = resetTokenIn(mail.text);

    // The link itself leads to the reset page with the token.
    const landing = await call(`/reset-password/${token}?callbackURL=%2Freset-password`, { method: "GET" });
    expect(landing.status).toBe(302);
    expect(landing.headers.get("location")).toBe(`${appUrl}/reset-password?token=${token}`);

    expect((await call("/reset-password", { body: { token, newPassword: "password1" } })).status).toBe(400);
    expect((await call("/reset-password", { body: { token, newPassword: "new-and-uncommon-phrase" } })).status).toBe(200);
    // Once only.
    expect((await call("/reset-password", { body: { token, newPassword: "another-uncommon-phrase" } })).status).toBe(400);

    expect(await db.session.count({ where: { userId: id } })).toBe(0);
    expect(await getSessionUser(new Headers({ cookie }))).toBeNull();
    expect(await getSessionUser(new Headers({ cookie: otherDevice }))).toBeNull();
    expect((await signIn(person.email, PASSWORD)).status).toBe(401);
    expect((await signIn(person.email, "new-and-uncommon-phrase")).status).toBe(200);
  });

  it("refuses a reset link after its hour", async () => {
    const { person } = await signUp();
    await requestReset(person.email);
    const token = resetTokenIn((await latestMail(person.email, /Reset your Casebook password/)).text);
    const row = await db.verification.findFirstOrThrow({ where: { identifier: `reset-password:${token}` } });
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3600_000);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(3500_000);
    await db.verification.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call("/reset-password", { body: { token, newPassword: "new-and-uncommon-phrase" } })).status).toBe(400);
  });

  it("mails a verification link at sign-up that marks the email verified", async () => {
    const { person, id } = await signUp();
    expect((await db.user.findUniqueOrThrow({ where: { id } })).emailVerified).toBe(false);
    const mail = await latestMail(person.email, /Confirm your email/);
    const link = /https?:\/\/\S+\/api\/auth(\/verify-email\?\S+)/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();
    const response = await call(link ?? "", { method: "GET" });
    expect(response.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).emailVerified).toBe(true);
  });
});
