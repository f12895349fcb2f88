/**
 * Applies prisma/migrations to a Postgres database, offline, recording each
 * migration in `_prisma_migrations` exactly as Prisma does, so a stock
 * `prisma migrate deploy` (on a machine with internet) sees the database as
 * up to date and carries on from there.
 *
 * Why our own runner and not the wasm schema engine's `applyMigrations`:
 * - `@prisma/adapter-pg`'s `executeScript`, which the wasm engine uses to run a
 *   migration, splits the script on every `;` and sends the pieces one by one
 *   outside any transaction. A `;` inside a function body, a DO block or a
 *   string literal breaks the migration, and a failure halfway leaves half a
 *   migration applied. Here Postgres parses the whole script (simple-query
 *   protocol) inside one transaction: all of it applies, or none of it.
 * - The engine takes its advisory lock through a connection pool, so the lock
 *   and the migration may not share a session. Here one connection does all.
 * - The engine and the driver-adapter glue are devDependencies pinned to a
 *   prerelease build and loaded through wasm-bindgen internals; this runs at
 *   every start, so it depends only on `pg` and reads in one sitting.
 * What it costs: we copy Prisma's table layout and checksum rule. Both are
 * small, stable, and checked against the real engine in migrate.test.ts.
 *
 * CLI: `npm run db:migrate` applies to DATABASE_URL.
 */
import { randomUUID } from "node:crypto";
import { existsSync, realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { MIGRATIONS_DIR, MIGRATION_SCRIPT, readMigrationFiles, type LocalMigration } from "./migration-files";
import { planMigrations } from "./migration-plan";
import { ensureMigrationsTable, listRecordedMigrations, recordAppliedMigration } from "./migrations-table";

export type ApplyMigrationsOptions = {
  log?: (line: string) => void;
  /** Defaults to prisma/migrations; tests point it elsewhere. */
  migrationsDir?: string;
};

/**
 * The key Prisma's schema engine locks on Postgres (`pg_advisory_lock(72707369)`).
 * Using the same key means our runner, another instance of it, and a stock
 * `prisma migrate deploy` all wait for each other.
 */
const MIGRATION_LOCK_KEY = 72707369;

/** How long a starting process waits for another one's migrations before giving up. */
const LOCK_WAIT = "5min";

const DEFAULT_DATABASE_URL = "postgresql://postgres:postgres@127.0.0.1:5433/casebook";

/** A migration script that Postgres rejected; nothing of it was applied. */
export class MigrationFailedError extends Error {
  override readonly name = "MigrationFailedError";
}

export async function applyMigrations(
  databaseUrl: string,
  options: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const local = await readMigrationFiles(options.migrationsDir ?? MIGRATIONS_DIR);

  const client = new pg.Client({ connectionString: databaseUrl });
  // Without a listener, a connection dropped by the server crashes the process
  // instead of failing the query we are awaiting.
  client.on("error", (error) => log(`Postgres connection error: ${error.message}`));
  await client.connect();
  try {
    await acquireMigrationLock(client, log);
    // From here on we hold the lock: reading the history and applying what is
    // missing cannot interleave with another process doing the same.
    await ensureMigrationsTable(client);
    const plan = planMigrations(local, await listRecordedMigrations(client));
    if (plan.unknownToThisBuild.length > 0) {
      log(`Applied to the database but not in this build (left as they are): ${plan.unknownToThisBuild.join(", ")}`);
    }

    const applied: string[] = [];
    for (const migration of plan.pending) {
      log(`Applying migration ${migration.name}`);
      await applyMigration(client, migration, log);
      applied.push(migration.name);
    }
    log(applied.length === 0 ? "No pending migrations" : `Applied ${applied.length} migration(s)`);
    return { applied };
  } finally {
    // Closing the session also releases the session-level advisory lock.
    await client.end();
  }
}

async function acquireMigrationLock(client: pg.Client, log: (line: string) => void): Promise<void> {
  const attempt = await client.query<{ locked: boolean }>(
    `SELECT pg_try_advisory_lock(${MIGRATION_LOCK_KEY}) AS locked`,
  );
  if (attempt.rows[0]?.locked === true) return;

  log("Another process is applying migrations; waiting for it to finish");
  // lock_timeout bounds the wait so a stuck holder gives an error, not a hang;
  // it is reset at once so it never applies to the migrations' own DDL.
  await client.query(`SET lock_timeout = '${LOCK_WAIT}'`);
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
  } catch (error) {
    if (error instanceof pg.DatabaseError && error.code === "55P03") {
      throw new Error(
        `Gave up after ${LOCK_WAIT} waiting for the migration lock (pg_advisory_lock(${MIGRATION_LOCK_KEY})). ` +
          "Another process is still migrating or is stuck: see pg_locks where locktype = 'advisory'.",
      );
    }
    throw error;
  } finally {
    await client.query("RESET lock_timeout");
  }
}

/**
 * One migration, one transaction: the script and its `_prisma_migrations` row
 * commit together or not at all. A failed migration is therefore not recorded
 * (Prisma records it as failed because on some databases DDL cannot be rolled
 * back); fixing the script and running again is all it takes. The script must
 * not contain BEGIN/COMMIT itself, nor statements that refuse to run in a
 * transaction (CREATE INDEX CONCURRENTLY) — Prisma's runner has the same limit.
 */
async function applyMigration(client: pg.Client, migration: LocalMigration, log: (line: string) => void): Promise<void> {
  const startedAt = new Date();
  await client.query("BEGIN");
  try {
    // No parameters, so pg uses the simple-query protocol and Postgres splits
    // the statements itself.
    await client.query(migration.sql);
    await recordAppliedMigration(client, {
      id: randomUUID(),
      name: migration.name,
      checksum: migration.checksum,
      startedAt,
      finishedAt: new Date(),
    });
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      log(`ROLLBACK failed too (the transaction ends with the connection): ${String(rollbackError)}`);
    });
    throw new MigrationFailedError(describeFailure(migration, error), { cause: error });
  }
}

function describeFailure(migration: LocalMigration, error: unknown): string {
  const where = `prisma/migrations/${migration.name}/${MIGRATION_SCRIPT}`;
  const reason =
    error instanceof pg.DatabaseError
      ? `${error.message} (SQLSTATE ${error.code ?? "unknown"}${lineOf(migration.sql, error.position)})` +
        (error.detail ? `\n  detail: ${error.detail}` : "") +
        (error.hint ? `\n  hint: ${error.hint}` : "")
      : String(error);
  return (
    `Migration ${migration.name} failed and was rolled back: none of it was applied and it was not recorded.\n` +
    `  ${where}: ${reason}\n` +
    "Fix the script (or the database) and run the migrations again."
  );
}

/** Postgres reports a 1-based character offset into the script; people want a line number. */
function lineOf(sql: string, position: string | undefined): string {
  const offset = Number(position);
  if (!Number.isInteger(offset) || offset < 1) return "";
  return `, line ${sql.slice(0, offset - 1).split("\n").length}`;
}

/** True for `npm run db:migrate`, false when imported (app start, tests). */
function isRunDirectly(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && existsSync(entry) && import.meta.url === pathToFileURL(realpathSync(entry)).href;
}

if (isRunDirectly()) {
  const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  applyMigrations(databaseUrl, { log: (line) => console.log(line) }).catch((error: unknown) => {
    // The messages say what to do; a stack trace would only bury them.
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
