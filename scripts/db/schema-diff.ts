import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../stack/postgres";
import { findFreePort } from "../stack/ports";
import { openSchemaEngine } from "./schema-engine";
import type { SchemaFile } from "./schema-snapshot";

/**
 * The starting point of the first migration: a schema with a datasource and no
 * models. Diffing from it, rather than from the engine's "empty" target, keeps
 * the engine from adding `CREATE SCHEMA IF NOT EXISTS "public"`, a statement
 * that needs CREATE rights on the database, which hosted Postgres often withholds.
 */
export const EMPTY_DATAMODEL: SchemaFile = {
  path: "empty.prisma",
  content: 'datasource db {\n  provider = "postgresql"\n}\n',
};

/**
 * The SQL that turns a database matching `from` into one matching `to`, or
 * null when the datamodels are the same. Both are Prisma schemas (each may be
 * several files); no database schema is read.
 */
export async function diffSchemas(from: SchemaFile[], to: SchemaFile[]): Promise<string | null> {
  return withThrowawayPostgres(async (databaseUrl) => {
    const engine = await openSchemaEngine(databaseUrl);
    try {
      const result = await engine.diff({
        from: { tag: "schemaDatamodel", files: from },
        to: { tag: "schemaDatamodel", files: to },
        script: true,
        // Asks the engine for exit code 2 when there is a difference: a
        // reliable "changed" signal, unlike parsing the script it prints.
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      });
      if (result.exitCode === 0) return null;
      if (result.exitCode !== 2 || result.stdout === null) {
        throw new Error(`Schema engine diff ended with exit code ${result.exitCode} and no script`);
      }
      return result.stdout;
    } finally {
      await engine.close();
    }
  });
}

/**
 * The engine insists on a live Postgres even to compare two schema files (it
 * reads the server version on start). A private, empty cluster (about 1.5 s to
 * create) keeps this independent of whatever database the developer runs.
 */
async function withThrowawayPostgres<T>(work: (databaseUrl: string) => Promise<T>): Promise<T> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-diff-pg-"));
  try {
    // A failure to start quotes the server's output.
    const postgres = await startEmbeddedPostgres({ dataDir: path.join(root, "data"), port: await findFreePort(), database: "postgres" });
    try {
      return await work(postgres.url);
    } finally {
      await postgres.first.stop();
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
