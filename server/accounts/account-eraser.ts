import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import type { ObjectStore } from "@/server/platform/storage";

export type EraseContext = { db: Db; redis: Redis; storage: ObjectStore; userId: string };

/**
 * One system's part in deleting an account, run before the user row goes
 * (whose foreign keys cascade to the rest): `check` may refuse with an
 * AppError saying what to finish first (before anything is touched); `erase`
 * removes what a cascade cannot (stored files, caches, aggregates kept by
 * code) and reshapes what must outlive the person. Each system writes its own;
 * the entry point (server/trpc/account-erasers.ts) lists them.
 */
export type AccountEraser = {
  system: string;
  check?: (context: EraseContext) => Promise<void>;
  erase: (context: EraseContext) => Promise<void>;
};
