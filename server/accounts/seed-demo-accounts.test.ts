import { randomUUID } from "node:crypto";
import { verifyPassword } from "better-auth/crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import type { DemoAccount } from "./demo-accounts";
import { seedDemoAccounts } from "./seed-demo-accounts";

afterAll(() => db.$disconnect());

/** A private cast per test, so parallel test files never share rows. */
function demoCast(): DemoAccount[] {
  const tag = randomUUID().replaceAll("-", "").slice(0, 8);
  return [
    { username: `ann_${tag}`, name: "Ann Demo", email: `ann-${tag}@casebook.dev`, role: "admin" },
    { username: `drv_${tag}`, name: "Dee Driver", email: `drv-${tag}@casebook.dev`, role: "driver" },
  ];
}

describe("seedDemoAccounts (real Postgres)", () => {
  it("creates each person once with a better-auth credential, and a second run creates nothing", async () => {
    const accounts = demoCast();
    const first = await seedDemoAccounts({ db, password: "demo-password-1", accounts });
    expect(first).toEqual({ created: accounts.map((account) => account.username), passwordsReset: [] });

    const second = await seedDemoAccounts({ db, password: "demo-password-1", accounts });
    expect(second).toEqual({ created: [], passwordsReset: [] });

    const users = await db.user.findMany({
      where: { email: { in: accounts.map((account) => account.email) } },
      include: { accounts: true },
      orderBy: { email: "asc" },
    });
    expect(users).toHaveLength(2);
    for (const user of users) {
      const expected = accounts.find((account) => account.email === user.email);
      expect(user).toMatchObject({ name: expected?.name, username: expected?.username, role: expected?.role, emailVerified: true });
      expect(user.accounts).toHaveLength(1);
      const credential = user.accounts[0];
      expect(credential).toMatchObject({ providerId: "credential", accountId: user.id });
      expect(await verifyPassword({ hash: credential?.password ?? "", password: "demo-password-1" })).toBe(true);
    }
  });

  it("resets a password that no longer matches DEMO_PASSWORD, without creating anyone", async () => {
    const accounts = demoCast();
    await seedDemoAccounts({ db, password: "old-demo-password", accounts });
    const result = await seedDemoAccounts({ db, password: "new-demo-password", accounts });
    expect(result).toEqual({ created: [], passwordsReset: accounts.map((account) => account.username) });
    const credential = await db.account.findFirst({ where: { user: { email: accounts[0]?.email }, providerId: "credential" } });
    expect(await verifyPassword({ hash: credential?.password ?? "", password: "new-demo-password" })).toBe(true);
  });
});
