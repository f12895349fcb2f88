import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// As with SMTP_URL set: new accounts confirm their address before the first sign-in.
vi.hoisted(() => {
  process.env.REQUIRE_EMAIL_VERIFICATION = "true";
  process.env.TRUSTED_PROXIES = "";
});

import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { installAccountAuthExtensions } from "./auth-hooks";
import { authCall, cookieOf, latestMail, newPerson } from "./auth-http-kit";

beforeAll(() => installAccountAuthExtensions());
afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

type SignUpAnswer = { status: number; keys: string[]; token: unknown; userKeys: string[]; cookie: string };

async function signUp(person: ReturnType<typeof newPerson>): Promise<SignUpAnswer> {
  const response = await authCall("/sign-up/email", { body: person });
  const body = (await response.json()) as { token?: unknown; user?: Record<string, unknown> };
  return { status: response.status, keys: Object.keys(body).sort(), token: body.token, userKeys: Object.keys(body.user ?? {}).sort(), cookie: cookieOf(response) };
}

function verifyLinkIn(text: string): string {
  const match = /(\/api\/auth\/verify-email\?token=[^\s]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no verification link in: ${text}`);
  return match[1];
}

describe("sign-up when a confirmed address is required", () => {
  it("answers a taken address exactly as a new one, and mails the owner instead", async () => {
    const owner = newPerson("Olive Owner");
    const first = await signUp(owner);
    expect(first).toMatchObject({ status: 200, token: null, cookie: "" });
    await latestMail(owner.email, /Confirm your email/);

    // Someone else tries the same address (another username, another password).
    const intruder = { ...newPerson("Ivan Intruder"), email: owner.email };
    const second = await signUp(intruder);
    expect(second).toEqual(first);
    await latestMail(owner.email, /already have a Casebook account/);
    expect(await db.user.count({ where: { email: owner.email } })).toBe(1);
    expect(await db.user.count({ where: { username: intruder.username } })).toBe(0);
  });

  it("signs in only after the link in the mail is opened", async () => {
    const person = newPerson("Vera Verify");
    await signUp(person);
    const mail = await latestMail(person.email, /Confirm your email/);

    const early = await authCall("/sign-in/email", { body: { email: person.email, password: person.password } });
    expect(early.status).toBe(403);
    expect(await early.json()).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
    expect(cookieOf(early)).toBe("");

    const opened = await authCall(verifyLinkIn(mail.text).replace("/api/auth", ""), { method: "GET" });
    expect([200, 302]).toContain(opened.status);
    expect(cookieOf(opened)).toContain("session_token");

    const later = await authCall("/sign-in/email", { body: { email: person.email, password: person.password } });
    expect(later.status).toBe(200);
  });

  it("tells nothing to a wrong password on an unconfirmed account", async () => {
    const person = newPerson("Wanda Wrong");
    await signUp(person);
    const wrong = await authCall("/sign-in/email", { body: { email: person.email, password: "not-the-password-at-all" } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: "INVALID_EMAIL_OR_PASSWORD" });
  });
});
