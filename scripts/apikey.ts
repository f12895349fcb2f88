/**
 * `npm run apikey -- <email> [key name]`
 *
 * Creates a Links API key for an existing account and prints it (the only time
 * it is shown; only its hash is stored). Finds the database the way other CLIs
 * do: DATABASE_URL when set, else the endpoints a running `npm start` wrote to
 * <DATA_DIR>/stack.json, else the embedded default on PG_PORT.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../server/env";
import { PrismaClient } from "../server/generated/prisma/client";
import { createApiKey } from "../server/links/keys/create-api-key";

const USAGE = "Usage: npm run apikey -- <email> [key name]";

async function databaseUrl(): Promise<string> {
  if (!env.embeddedPostgres) return env.DATABASE_URL;
  const stackFile = path.resolve(import.meta.dirname, "..", env.DATA_DIR, "stack.json");
  const text = await fs.readFile(stackFile, "utf8").catch(() => undefined);
  if (!text) return env.DATABASE_URL;
  const stack = JSON.parse(text) as { databaseUrl?: unknown };
  return typeof stack.databaseUrl === "string" ? stack.databaseUrl : env.DATABASE_URL;
}

async function main(): Promise<number> {
  const [email, ...nameParts] = process.argv.slice(2).filter((arg) => arg !== "--");
  if (!email || email.startsWith("-")) {
    console.error(USAGE);
    return 2;
  }
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: await databaseUrl(), connectionTimeoutMillis: 5_000 }) });
  try {
    const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
    if (!user) {
      console.error(`No account with the email ${email}. Sign up first (or check the address).`);
      return 1;
    }
    const name = nameParts.join(" ").trim() || `CLI key ${new Date().toISOString().slice(0, 16).replace("T", " ")}`;
    const created = await createApiKey({ db, userId: user.id, name });
    console.error(`Created API key "${created.name}" (${created.prefix}…) for ${email}. It is shown only now:`);
    console.log(created.key);
    return 0;
  } catch (error) {
    console.error(`Could not create the key: ${error instanceof Error ? (error.message.trim().split("\n").at(-1) ?? error.message) : String(error)}`);
    console.error("Is Casebook running (npm start), or DATABASE_URL set?");
    return 1;
  } finally {
    await db.$disconnect();
  }
}

process.exit(await main());
