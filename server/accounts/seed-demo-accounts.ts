import { randomUUID } from "node:crypto";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import type { Db } from "@/server/platform/db";
import { DEMO_ACCOUNTS, type DemoAccount } from "./demo-accounts";

export type SeedResult = { created: string[]; passwordsReset: string[] };

/**
 * Creates the demo people if they are missing; idempotent. Existing accounts
 * are left as their owners changed them, except a password that no longer
 * matches DEMO_PASSWORD, which is reset so the sign-in page never shows a
 * wrong one. Passwords go through better-auth's own hasher (scrypt), and the
 * rows have exactly the shape better-auth's sign-up writes: a user plus a
 * "credential" account holding the hash.
 */
export async function seedDemoAccounts({
  db,
  password,
  accounts = DEMO_ACCOUNTS,
}: {
  db: Db;
  password: string;
  accounts?: readonly DemoAccount[];
}): Promise<SeedResult> {
  const result: SeedResult = { created: [], passwordsReset: [] };
  for (const account of accounts) {
    const existing = await db.user.findUnique({
      where: { email: account.email },
      select: { id: true, accounts: { where: { providerId: "credential" }, select: { id: true, password: true } } },
    });
    if (!existing) {
      await createDemoAccount(db, account, await hashPassword(password));
      result.created.push(account.username);
      continue;
    }
    const credential = existing.accounts[0];
    const matches = credential?.password ? await verifyPassword({ hash: credential.password, password }) : false;
    if (matches) continue;
    const hash = await hashPassword(password);
    if (credential) {
      await db.account.update({ where: { id: credential.id }, data: { password: hash } });
    } else {
      await db.account.create({
        data: { id: randomUUID(), accountId: existing.id, providerId: "credential", userId: existing.id, password: hash },
      });
    }
    result.passwordsReset.push(account.username);
  }
  return result;
}

async function createDemoAccount(db: Db, account: DemoAccount, passwordHash: string): Promise<void> {
  const id = randomUUID();
  await db.user.create({
    data: {
      id,
      name: account.name,
      email: account.email,
      emailVerified: true,
      username: account.username,
      displayUsername: account.username,
      role: account.role,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password: passwordHash } },
    },
  });
}
