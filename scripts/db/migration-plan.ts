import { checksumMatches, type LocalMigration } from "./migration-files";
import type { RecordedMigration } from "./migrations-table";

/** A database whose migration history we refuse to build on; the message says how to repair it. */
export class MigrationHistoryError extends Error {
  override readonly name = "MigrationHistoryError";
}

export type MigrationPlan = {
  pending: LocalMigration[];
  /** Applied to the database but absent here, e.g. an older build deployed against a newer database. */
  unknownToThisBuild: string[];
};

/**
 * Decides what to apply, with Prisma's reading of `_prisma_migrations`: a row
 * with `rolled_back_at` set is history only; a row with neither `finished_at`
 * nor `rolled_back_at` is a failed migration and blocks everything (as
 * `prisma migrate deploy`'s P3009 does). Unlike `deploy`, an applied migration
 * whose script has since changed is also refused: the database no longer
 * matches what the folder describes, and applying more on top hides that.
 */
export function planMigrations(local: LocalMigration[], recorded: RecordedMigration[]): MigrationPlan {
  const failed = recorded.filter((row) => row.finishedAt === null && row.rolledBackAt === null);
  if (failed.length > 0) throw new MigrationHistoryError(describeFailed(failed));

  const applied = new Map(
    recorded.filter((row) => row.finishedAt !== null && row.rolledBackAt === null).map((row) => [row.migrationName, row]),
  );

  const edited = local.filter((migration) => {
    const row = applied.get(migration.name);
    return row !== undefined && !checksumMatches(migration.sql, row.checksum);
  });
  if (edited.length > 0) throw new MigrationHistoryError(describeEdited(edited));

  const localNames = new Set(local.map((migration) => migration.name));
  return {
    pending: local.filter((migration) => !applied.has(migration.name)),
    unknownToThisBuild: [...applied.keys()].filter((name) => !localNames.has(name)),
  };
}

function describeFailed(failed: RecordedMigration[]): string {
  const lines = failed.map(
    (row) => `  - ${row.migrationName} (started ${row.startedAt.toISOString()})${row.logs ? `:\n${indent(row.logs)}` : ""}`,
  );
  return [
    "A previous migration failed on this database, so no further migration is applied:",
    ...lines,
    "Undo whatever part of it was applied, then mark it rolled back so it is retried:",
    "  UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '<name>' AND finished_at IS NULL;",
    "(`prisma migrate resolve --rolled-back <name>` does the same where the Prisma CLI can run.)",
  ].join("\n");
}

function describeEdited(edited: LocalMigration[]): string {
  return [
    "These migrations were changed after they were applied to this database:",
    ...edited.map((migration) => `  - ${migration.name}`),
    "An applied migration must never be edited: restore the file from git and put the change in a new",
    "migration (npm run db:migration -- <name>). For a throwaway development database, drop and recreate it instead.",
  ].join("\n");
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => `      ${line}`)
    .join("\n");
}
