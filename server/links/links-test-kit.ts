import { randomUUID } from "node:crypto";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { createApiKey } from "./keys/create-api-key";

/** Shared fixtures for the Links integration tests (real Postgres and Redis from Vitest's global setup). */
export const DESKTOP_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
export const IPHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
export const BOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

export async function createTestUser(): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = `${id}@links.test.casebook.dev`;
  await db.user.create({ data: { id, name: "Link Owner", email } });
  return { id, email };
}

/** A new link owner and the tRPC caller acting as them. */
export async function signedInCaller() {
  const user = await createTestUser();
  const caller = createCallerFactory(appRouter)({
    db,
    redis,
    headers: new Headers(),
    user: { id: user.id, name: "Link Owner", email: user.email, username: null, image: null, role: "user" },
  });
  return { user, caller };
}

export async function createTestApiKey(userId: string): Promise<string> {
  return (await createApiKey({ db, userId, name: "test" })).key;
}

/** A fresh alias nobody else in the run uses. */
export function uniqueAlias(prefix = "t"): string {
  return `${prefix}-${randomUUID().slice(0, 13)}`;
}

export async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
