import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { signUpWithCookie } from "@/server/accounts/test-users";
import { getSessionUser, SESSION_COOKIE_NAME } from "./auth";
import { auth } from "./better-auth";
import { db } from "./db";
import { redis } from "./redis";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const headersWith = (cookie: string) => new Headers({ cookie });

// First in this file: nothing has installed the accounts' extensions yet.
describe("the platform's better-auth without the accounts' extensions", () => {
  it("reads sessions, and refuses to sign anyone up or in rather than skip the accounts' rules", async () => {
    expect(await getSessionUser(new Headers({ cookie: "theme=dark" }))).toBeNull();
    const body = { email: "nobody@test.casebook.dev", password: "correct-horse-battery", name: "Nobody" };
    await expect(auth.api.signUpEmail({ body })).rejects.toThrow(/extensions are not installed/);
    await expect(auth.api.signInEmail({ body })).rejects.toThrow(/extensions are not installed/);
  });

  it("imports no system: the accounts and notifications are composed at the entry points", () => {
    for (const file of ["./auth.ts", "./better-auth.ts"]) {
      const source = readFileSync(new URL(file, import.meta.url), "utf8");
      expect(source).not.toMatch(/from "@\/server\/(accounts|notifications|links|chat|shop)\//);
    }
  });

  it("names the session cookie as better-auth does, so reading a session need not load better-auth", async () => {
    expect(SESSION_COOKIE_NAME).toBe((await auth.$context).authCookies.sessionToken.name);
  });
});

describe("getSessionUser", () => {
  it("reads the signed-in user from the session cookie, and nobody from none", async () => {
    const erika = await signUpWithCookie("Erika");
    expect(await getSessionUser(headersWith(erika.cookie))).toMatchObject({ id: erika.id, name: "Erika", role: "user", username: null, image: null });
    expect(await getSessionUser(new Headers())).toBeNull();
    expect(await getSessionUser(headersWith("theme=dark"))).toBeNull();
  });

  it("answers concurrent requests each with its own user", async () => {
    const people = await Promise.all(["Ana", "Ben", "Cleo", "Dev"].map((name) => signUpWithCookie(name)));
    // Ben twice: two requests of one session in the same batch.
    const cookies = [...people.map((person) => person.cookie), people[1]?.cookie ?? "", "theme=dark"];
    const users = await Promise.all(cookies.map((cookie) => getSessionUser(headersWith(cookie))));
    expect(users.map((user) => user?.name ?? null)).toEqual(["Ana", "Ben", "Cleo", "Dev", "Ben", null]);
  });

  it("refuses a token whose signature does not match, and a forged one", async () => {
    const erika = await signUpWithCookie("Erika");
    const [name, value] = erika.cookie.split("=") as [string, string];
    const [token] = decodeURIComponent(value).split(".");
    const otherSignature = Buffer.alloc(32, 7).toString("base64");
    expect(await getSessionUser(headersWith(`${name}=${encodeURIComponent(`${token}.${otherSignature}`)}`))).toBeNull();
    expect(await getSessionUser(headersWith(`${name}=${token}`))).toBeNull();
  });

  it("sees a profile change and a sign-out on the very next request", async () => {
    const erika = await signUpWithCookie("Erika");
    const headers = headersWith(erika.cookie);
    expect((await getSessionUser(headers))?.name).toBe("Erika");
    await db.user.update({ where: { id: erika.id }, data: { name: "Erika Renamed", role: "admin" } });
    expect(await getSessionUser(headers)).toMatchObject({ name: "Erika Renamed", role: "admin" });

    await auth.api.signOut({ headers });
    expect(await db.session.count({ where: { userId: erika.id } })).toBe(0);
    expect(await getSessionUser(headers)).toBeNull();
  });

  it("refuses an expired session, and still lets better-auth extend one due for its daily refresh", async () => {
    const erika = await signUpWithCookie("Erika");
    const headers = headersWith(erika.cookie);
    await db.session.updateMany({ where: { userId: erika.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await getSessionUser(headers)).toBeNull();

    const bob = await signUpWithCookie("Bob");
    // 28 of its 30 days left: issued two days ago, so due for the daily refresh.
    const dueAt = new Date(Date.now() + 28 * 24 * 3600_000);
    await db.session.updateMany({ where: { userId: bob.id }, data: { expiresAt: dueAt } });
    expect((await getSessionUser(headersWith(bob.cookie)))?.id).toBe(bob.id);
    const refreshed = await db.session.findFirstOrThrow({ where: { userId: bob.id } });
    expect(refreshed.expiresAt.getTime()).toBeGreaterThan(dueAt.getTime() + 30 * 60_000);
  });
});
