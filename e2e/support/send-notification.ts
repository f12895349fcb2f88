/**
 * Sends a real notification from outside the browser, the way the worker does:
 * `notify()` stores the row and publishes to the user's private channel.
 *
 *   node --import ./scripts/node/register.mjs e2e/support/send-notification.ts --email bob@casebook.dev --kind e2e.ping --title "Hi" [--body "..."] [--href /x]
 *
 * Repeat --title to send several, oldest first, in one run (each run pays for
 * starting Node and Prisma). Prints one JSON line per notification.
 *
 * It targets the stack the end-to-end run started (CASEBOOK_DATABASE_URL,
 * CASEBOOK_REDIS_URL, CASEBOOK_PUSHER_HOST, CASEBOOK_PUSHER_PORT), or else the
 * one `npm start` recorded in .data/stack.json (with the keys stored beside it).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { readSecrets } from "../../scripts/stack/secrets";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    kind: { type: "string", default: "e2e.ping" },
    title: { type: "string", multiple: true, default: [] },
    body: { type: "string" },
    href: { type: "string" },
  },
});
if (!values.email) {
  console.error("Usage: node --import ./scripts/node/register.mjs e2e/support/send-notification.ts --email <user email> [--kind k] [--title t] [--body b] [--href /path]");
  process.exit(2);
}

await pointAtStack();
// server/env.ts reads the environment when first imported, so the app modules load only now.
const { db } = await import("@/server/platform/db");
const { notify } = await import("@/server/platform/notifications");
const { redis } = await import("@/server/platform/redis");
try {
  const user = await db.user.findUnique({ where: { email: values.email.toLowerCase() }, select: { id: true } });
  if (!user) throw new Error(`No user with email ${values.email}`);
  const titles: Array<string | undefined> = values.title.length > 0 ? values.title : [undefined];
  for (const title of titles) {
    const payload = Object.fromEntries(
      Object.entries({ title, body: values.body, href: values.href }).filter(([, value]) => value !== undefined),
    );
    console.log(JSON.stringify(await notify({ db, userId: user.id, kind: values.kind, payload })));
    // Distinct timestamps, so "newest first" is well defined between notifications sent in one run.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
} finally {
  // Both stay open otherwise and keep this process alive: notify() publishes through Redis to our gateways.
  await db.$disconnect();
  redis.disconnect();
}

async function pointAtStack(): Promise<void> {
  const fromHarness: Record<string, string | undefined> = {
    DATABASE_URL: process.env.CASEBOOK_DATABASE_URL,
    REDIS_URL: process.env.CASEBOOK_REDIS_URL,
    PUSHER_HOST: process.env.CASEBOOK_PUSHER_HOST,
    PUSHER_PORT: process.env.CASEBOOK_PUSHER_PORT,
  };
  if (!fromHarness.DATABASE_URL) {
    const file = path.join(process.env.DATA_DIR ?? ".data", "stack.json");
    const stack = JSON.parse(await fs.readFile(file, "utf8").catch(() => "{}")) as { databaseUrl?: string; redisUrl?: string; gatewayUrl?: string };
    const gateway = stack.gatewayUrl ? new URL(stack.gatewayUrl) : undefined;
    Object.assign(fromHarness, { DATABASE_URL: stack.databaseUrl, REDIS_URL: stack.redisUrl, PUSHER_HOST: gateway?.hostname, PUSHER_PORT: gateway?.port });
    // The end-to-end harness passes the stack's keys in the environment; `npm start` keeps them beside stack.json.
    Object.assign(fromHarness, await readSecrets(path.dirname(file)));
  }
  for (const [name, value] of Object.entries(fromHarness)) if (value) process.env[name] = value;
  process.env.LOG_LEVEL ??= "warn";
}
