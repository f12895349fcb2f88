import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/server/env";
import { PrismaClient } from "@/server/generated/prisma/client";

export type Db = PrismaClient;

function createDb(): Db {
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_MAX, connectionTimeoutMillis: env.DATABASE_POOL_WAIT_MS });
  return new PrismaClient({ adapter });
}

// Next's dev server re-evaluates modules on every change; keep one pool per process.
const holder = globalThis as typeof globalThis & { casebookDb?: Db };
export const db: Db = holder.casebookDb ?? createDb();
if (env.NODE_ENV !== "production") holder.casebookDb = db;
