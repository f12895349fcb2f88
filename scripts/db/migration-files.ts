import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** `prisma/migrations`, resolved from this file so scripts work from any working directory. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export const MIGRATION_SCRIPT = "migration.sql";

export type LocalMigration = {
  /** The folder name, e.g. `20251125040542_init`; also the `migration_name` Prisma records. */
  name: string;
  sql: string;
  checksum: string;
};

/**
 * Every migration folder, in name order (the timestamp prefix makes that the
 * order they were created). Like Prisma, only folders count: loose files such
 * as `migration_lock.toml` and the schema snapshot are not migrations.
 */
export async function readMigrationFiles(dir: string = MIGRATIONS_DIR): Promise<LocalMigration[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    if (isMissingFile(error)) return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort(compareNames);

  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, MIGRATION_SCRIPT);
      const sql = await fs.readFile(file, "utf8").catch((error: unknown) => {
        if (!isMissingFile(error)) throw error;
        throw new Error(`Migration folder ${name} has no ${MIGRATION_SCRIPT} (${file}). Remove the folder or add the script.`);
      });
      return { name, sql, checksum: migrationChecksum(sql) };
    }),
  );
}

/** What Prisma stores in `_prisma_migrations.checksum`: the SHA-256 of the script, as lower-case hex. */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/**
 * Prisma accepts a recorded checksum if the script matches it with either line
 * ending (a Windows checkout with git autocrlf must not look like an edit), so
 * we do the same; any other change is an edit.
 */
export function checksumMatches(sql: string, recorded: string): boolean {
  const lf = sql.replaceAll("\r\n", "\n");
  const variants = [sql, lf, lf.replaceAll("\n", "\r\n")];
  return variants.some((variant) => migrationChecksum(variant) === recorded);
}

/** Code-unit order, not locale order: names are `[0-9a-z_]`, and the result must not depend on the machine's locale. */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
