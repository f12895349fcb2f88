import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MigrationFailedError } from "./migrate";
import { MIGRATIONS_DIR, migrationChecksum, readMigrationFiles } from "./migration-files";
import { MigrationHistoryError, planMigrations } from "./migration-plan";
import type { RecordedMigration } from "./migrations-table";
import { openSchemaEngine } from "./schema-engine";
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";

// Every test gets a database of its own, created on the server that the test
// run's DATABASE_URL points at, and dropped afterwards.
const serverUrl = process.env.DATABASE_URL;
const created: string[] = [];
const tempDirs: string[] = [];

beforeAll(() => {
  if (!serverUrl) throw new Error("migrate.test.ts needs DATABASE_URL (any database on a Postgres server it may create databases on)");
});

afterAll(async () => {
  for (const dir of tempDirs) await fs.rm(dir, { recursive: true, force: true });
  if (!serverUrl || created.length === 0) return;
  await withClient(serverUrl, async (client) => {
    for (const name of created) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
});

describe("applyMigrations on prisma/migrations", () => {
  it("creates the tables and records each migration as Prisma does", async () => {
    const url = await createDatabase();
    const local = await readMigrationFiles();
    expect(local.length).toBeGreaterThan(0);

    const { applied } = await applyMigrations(url);

    expect(applied).toEqual(local.map((migration) => migration.name));
    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(["_prisma_migrations", "user", "session", "account", "verification", "notification"]),
    );

    const rows = await query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: Date | null;
      started_at: Date;
      rolled_back_at: Date | null;
      logs: string | null;
      applied_steps_count: number;
    }>(url, "SELECT * FROM _prisma_migrations ORDER BY migration_name");
    expect(rows).toHaveLength(local.length);
    for (const [index, row] of rows.entries()) {
      const migration = local[index];
      expect(migration).toBeDefined();
      const sql = await fs.readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"), "utf8");
      expect(row.migration_name).toBe(migration?.name);
      expect(row.checksum).toBe(migrationChecksum(sql));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("applies nothing the second time", async () => {
    const url = await createDatabase();
    await applyMigrations(url);

    const second = await applyMigrations(url);

    expect(second.applied).toEqual([]);
    const count = await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM _prisma_migrations");
    expect(count[0]?.n).toBe((await readMigrationFiles()).length);
  });

  it("leaves a database that Prisma's own schema engine sees as up to date", async () => {
    const url = await createDatabase();
    await applyMigrations(url);

    // The wasm build of the engine behind `prisma migrate deploy`/`status`,
    // reading the same folder the CLI would.
    const engine = await openSchemaEngine(url);
    try {
      const diagnosis = await engine.diagnoseMigrationHistory({
        migrationsList: await prismaMigrationsList(MIGRATIONS_DIR),
        optInToShadowDatabase: false,
        filters: { externalTables: [], externalEnums: [] },
      });
      expect(diagnosis).toEqual({
        editedMigrationNames: [],
        failedMigrationNames: [],
        hasMigrationsTable: true,
        history: null,
      });
    } finally {
      await engine.close();
    }
  });
});

describe("applyMigrations, concurrency and failures", () => {
  it("applies each migration once when two processes start together", async () => {
    const url = await createDatabase();
    const dir = await migrationsFolder({
      "20250101000000_first": 'CREATE TABLE "a" ("id" INT PRIMARY KEY);\nSELECT pg_sleep(0.2);\n',
      "20250101000001_second": 'CREATE TABLE "b" ("id" INT PRIMARY KEY);\n',
      "20250101000002_third": 'INSERT INTO "a" VALUES (1);\n',
    });

    const [one, two] = await Promise.all([
      applyMigrations(url, { migrationsDir: dir }),
      applyMigrations(url, { migrationsDir: dir }),
    ]);

    expect([...one.applied, ...two.applied].sort()).toEqual([
      "20250101000000_first",
      "20250101000001_second",
      "20250101000002_third",
    ]);
    expect([one.applied.length, two.applied.length].sort()).toEqual([0, 3]);
    const rows = await query<{ migration_name: string; n: number }>(
      url,
      "SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY migration_name",
    );
    expect(rows.every((row) => row.n === 1)).toBe(true);
    expect(await query(url, 'SELECT * FROM "a"')).toHaveLength(1);
  });

  it("runs a script whose statements contain semicolons (a plpgsql function)", async () => {
    const url = await createDatabase();
    const dir = await migrationsFolder({
      "20250101000000_function": `CREATE FUNCTION answer() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RETURN 42;
END;
$$;
CREATE TABLE "t" ("note" TEXT DEFAULT 'a;b');
`,
    });

    await applyMigrations(url, { migrationsDir: dir });

    expect(await query(url, "SELECT answer() AS value")).toEqual([{ value: 42 }]);
  });

  it("rolls a failing migration back whole, records nothing, and names the line", async () => {
    const url = await createDatabase();
    const dir = await migrationsFolder({
      "20250101000000_ok": 'CREATE TABLE "a" ("id" INT PRIMARY KEY);\n',
      "20250101000001_broken": 'CREATE TABLE "b" ("id" INT PRIMARY KEY);\nINSERT INTO "nope" VALUES (1);\n',
    });

    const failure = await applyMigrations(url, { migrationsDir: dir }).catch((error: unknown) => error);

    if (!(failure instanceof MigrationFailedError)) throw new Error(`expected a MigrationFailedError, got ${String(failure)}`);
    expect(failure.message).toMatch(/20250101000001_broken.*\n.*relation "nope" does not exist.*line 2/);
    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.map((row) => row.table_name)).toEqual(["_prisma_migrations", "a"]);
    const rows = await query<{ migration_name: string }>(url, "SELECT migration_name FROM _prisma_migrations");
    expect(rows.map((row) => row.migration_name)).toEqual(["20250101000000_ok"]);
  });

  it("refuses to continue after an applied migration was edited", async () => {
    const url = await createDatabase();
    const dir = await migrationsFolder({ "20250101000000_a": 'CREATE TABLE "a" ("id" INT);\n' });
    await applyMigrations(url, { migrationsDir: dir });
    await fs.writeFile(path.join(dir, "20250101000000_a", "migration.sql"), 'CREATE TABLE "a" ("id" BIGINT);\n');

    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(MigrationHistoryError);
  });
});

describe("planMigrations", () => {
  const local = [
    { name: "1_a", sql: "A;\n", checksum: migrationChecksum("A;\n") },
    { name: "2_b", sql: "B;\n", checksum: migrationChecksum("B;\n") },
  ];

  it("returns what is not applied, ignoring rolled-back rows", () => {
    const plan = planMigrations(local, [
      row({ migrationName: "1_a", checksum: local[0]?.checksum }),
      row({ migrationName: "2_b", rolledBackAt: new Date(), finishedAt: null }),
    ]);
    expect(plan.pending.map((migration) => migration.name)).toEqual(["2_b"]);
  });

  it("refuses a database with a failed migration", () => {
    expect(() => planMigrations(local, [row({ migrationName: "1_a", finishedAt: null, logs: "boom" })])).toThrow(
      /1_a.*\n.*boom/,
    );
  });

  it("accepts a script whose line endings changed, as Prisma does", () => {
    const crlf = [{ name: "1_a", sql: "A;\r\n", checksum: migrationChecksum("A;\r\n") }];
    expect(planMigrations(crlf, [row({ migrationName: "1_a", checksum: migrationChecksum("A;\n") })]).pending).toEqual([]);
  });

  it("reports applied migrations this build does not have", () => {
    const plan = planMigrations(local, [row({ migrationName: "0_old" })]);
    expect(plan.unknownToThisBuild).toEqual(["0_old"]);
    expect(plan.pending).toHaveLength(2);
  });
});

function row(fields: Partial<RecordedMigration> & { migrationName: string }): RecordedMigration {
  return {
    id: "00000000-0000-0000-0000-000000000000",
    checksum: "0".repeat(64),
    startedAt: new Date(0),
    finishedAt: new Date(0),
    rolledBackAt: null,
    logs: null,
    appliedStepsCount: 1,
    ...fields,
  };
}

async function createDatabase(): Promise<string> {
  if (!serverUrl) throw new Error("DATABASE_URL is not set");
  const name = `migrate_test_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function migrationsFolder(scripts: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-migrations-"));
  tempDirs.push(dir);
  for (const [name, sql] of Object.entries(scripts)) {
    await fs.mkdir(path.join(dir, name));
    await fs.writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

/** The folder as the Prisma CLI hands it to the engine. */
async function prismaMigrationsList(dir: string): Promise<MigrationList> {
  const migrations = await readMigrationFiles(dir);
  const lockfile = await fs.readFile(path.join(dir, "migration_lock.toml"), "utf8");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((migration) => ({
      path: migration.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: migration.sql } },
    })),
  };
}

async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  return withClient(url, async (client) => (await client.query<T>(sql)).rows);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
