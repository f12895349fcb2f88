import type pg from "pg";

/**
 * `_prisma_migrations`, byte for byte as Prisma's schema engine creates it on
 * Postgres (captured from the engine), so that a stock `prisma migrate deploy`
 * and our runner can take turns on the same database.
 */
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/** One row of `_prisma_migrations`. */
export type RecordedMigration = {
  id: string;
  checksum: string;
  migrationName: string;
  startedAt: Date;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
  logs: string | null;
  appliedStepsCount: number;
};

type RecordedMigrationRow = {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
};

export async function ensureMigrationsTable(client: pg.ClientBase): Promise<void> {
  await client.query(CREATE_TABLE);
}

/** All rows, oldest first, the order Prisma reads them in. */
export async function listRecordedMigrations(client: pg.ClientBase): Promise<RecordedMigration[]> {
  const result = await client.query<RecordedMigrationRow>(
    `SELECT id, checksum, migration_name, started_at, finished_at, rolled_back_at, logs, applied_steps_count
       FROM _prisma_migrations
      ORDER BY started_at ASC`,
  );
  return result.rows.map((row) => ({
    id: row.id,
    checksum: row.checksum,
    migrationName: row.migration_name,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    rolledBackAt: row.rolled_back_at,
    logs: row.logs,
    appliedStepsCount: row.applied_steps_count,
  }));
}

/**
 * Writes the row Prisma leaves after a successful migration: one step, no
 * logs, millisecond timestamps from the application's clock. Prisma inserts
 * the row first and updates it as it goes; we insert the final state once,
 * inside the migration's own transaction, so a crash leaves no half-written row.
 */
export async function recordAppliedMigration(
  client: pg.ClientBase,
  migration: { id: string; name: string; checksum: string; startedAt: Date; finishedAt: Date },
): Promise<void> {
  await client.query(
    `INSERT INTO _prisma_migrations
       (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
     VALUES ($1, $2, $3, $4, NULL, NULL, $5, 1)`,
    [migration.id, migration.checksum, migration.finishedAt, migration.name, migration.startedAt],
  );
}
