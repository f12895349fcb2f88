import fs from "node:fs/promises";
import path from "node:path";
import { applyMigrations } from "../db/migrate";
import { ensureProductionBuild } from "./build";
import { writeSupervisorStatus } from "../../server/platform/supervisor-status";
import { StackError, assertPortFree } from "./ports";
import { assertPostgresReachable, startEmbeddedPostgres } from "./postgres";
import { assertRedisReachable, startLocalRedis } from "./redis";
import { readOrCreateSecrets } from "./secrets";
import { spawnService, waitUntilHealthy } from "./services";
import { describeExit, supervise, type RunningProcess, type SupervisedProcess } from "./supervisor";
import { ensureSystemProgram } from "./system-packages";

export type StackOptions = {
  root: string;
  /** Where embedded Postgres, Redis, storage and the endpoints file live. */
  dataDir: string;
  ports: { web: number; gateway: number; postgres: number; redis: number };
  /** Configured external services; unset means "run our own". */
  databaseUrl?: string;
  redisUrl?: string;
  /** Realtime goes to Pusher Channels / Soketi instead of our gateway. */
  externalRealtime: boolean;
  /** Keep Redis data on disk (AOF). Tests run without. */
  persistent: boolean;
  dev: boolean;
  /** Where Next builds to (relative to root); tests use their own so they never disturb `npm start`. */
  distDir: string;
  /** Extra settings for every child process (tests raise rate limits here). */
  env?: Record<string, string>;
  /** Gateway, worker and web write a V8 CPU profile to `<profileDir>/<name>/` when they exit (benches: BENCH_PROFILE_DIR). */
  profileDir?: string;
  /** Virtual Rides drivers to run once the web answers (scripts/rides/simulate-drivers.ts); unset or 0: none (tests, benches). */
  simulatedDrivers?: number;
  log: (line: string) => void;
};

export type RunningStack = {
  webUrl: string;
  databaseUrl: string;
  redisUrl: string;
  gatewayUrl: string | undefined;
};

export type Stack = {
  /**
   * Brings up Postgres, Redis, migrations, demo data, gateway, worker and web,
   * in that order. Every process it starts is supervised from then on:
   * restarted when it crashes (scripts/stack/supervisor.ts).
   */
  start: () => Promise<RunningStack>;
  /**
   * Stops whatever has started so far, in reverse order (web, worker, gateway,
   * Redis, Postgres), restarting nothing meanwhile; safe to call at any moment.
   */
  stop: () => Promise<void>;
};

export function createStack(options: StackOptions): Stack {
  const stoppers: Array<() => Promise<void>> = [];
  const stop = async () => {
    while (stoppers.length > 0) await stoppers.pop()?.();
  };
  return { start: () => startStack(options, stoppers, stop), stop };
}

async function startStack(options: StackOptions, stoppers: Array<() => Promise<void>>, stop: () => Promise<void>): Promise<RunningStack> {
  const { log } = options;
  const board = createSupervisorBoard(options.dataDir, log);
  /** Watches a started process and restarts it when it crashes; stopped in reverse order of starting. */
  const supervised = (name: string, first: RunningProcess, restart: () => Promise<RunningProcess>) => {
    stoppers.push(board.supervise(name, first, restart).stop);
  };

  try {
    await assertPortFree(options.ports.web, "web", "PORT");
    if (!options.externalRealtime) await assertPortFree(options.ports.gateway, "realtime gateway", "GATEWAY_PORT");
    await fs.mkdir(options.dataDir, { recursive: true });

    let databaseUrl = options.databaseUrl;
    if (databaseUrl) {
      await assertPostgresReachable(databaseUrl);
    } else {
      log(`Starting embedded Postgres on port ${options.ports.postgres}...`);
      const postgres = await startEmbeddedPostgres({
        dataDir: path.join(options.dataDir, "postgres"),
        port: options.ports.postgres,
        database: "casebook",
      });
      supervised("postgres", postgres.first, postgres.restart);
      databaseUrl = postgres.url;
    }

    // The worker transcodes videos with Debian's ffmpeg/ffprobe: installed here like redis-server.
    ensureSystemProgram("ffmpeg", log);

    let redisUrl = options.redisUrl;
    if (redisUrl) {
      await assertRedisReachable(redisUrl);
    } else {
      log(`Starting redis-server on port ${options.ports.redis}...`);
      const redis = await startLocalRedis({
        dataDir: path.join(options.dataDir, "redis"),
        port: options.ports.redis,
        persistent: options.persistent,
        log,
      });
      supervised("redis-server", redis.first, redis.restart);
      redisUrl = redis.url;
    }

    await applyMigrations(databaseUrl, { log });

    const secrets = await readOrCreateSecrets(options.dataDir);
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      NODE_ENV: options.dev ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: options.distDir,
      DATA_DIR: options.dataDir,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      PORT: String(options.ports.web),
      GATEWAY_PORT: String(options.ports.gateway),
      ...secrets,
      ...(options.externalRealtime ? {} : { PUSHER_HOST: "127.0.0.1", PUSHER_PORT: String(options.ports.gateway) }),
    };
    const service = (name: string, entry: string, args: string[] = []) => () => {
      const nodeArgs = options.profileDir && name !== "seed" ? ["--cpu-prof", `--cpu-prof-dir=${path.join(options.profileDir, name)}`] : [];
      return Promise.resolve(spawnService({ name, entry: path.join(options.root, entry), args, nodeArgs, env: childEnv, log }));
    };

    const seed = await service("seed", "prisma/seed.ts")();
    const seeded = await seed.exited;
    if (seeded.code !== 0) throw new StackError(`Seeding the demo data failed (${describeExit(seeded)}; its output is above).`);

    if (!options.dev) await ensureProductionBuild({ root: options.root, distDir: options.distDir, env: { ...process.env, ...secrets }, log });

    let gatewayUrl: string | undefined;
    if (!options.externalRealtime) {
      const startGateway = service("gateway", "server/realtime/gateway/main.ts");
      const gateway = await startGateway();
      supervised("gateway", gateway, startGateway);
      gatewayUrl = `http://127.0.0.1:${options.ports.gateway}`;
      await waitUntilHealthy("gateway", gateway, `${gatewayUrl}/health`);
    }

    const startWorker = service("worker", "server/jobs/worker.ts");
    supervised("worker", await startWorker(), startWorker);

    const startWeb = service("web", "server/web/main.ts", options.dev ? ["--dev"] : []);
    const web = await startWeb();
    supervised("web", web, startWeb);
    const webUrl = `http://localhost:${options.ports.web}`;
    await waitUntilHealthy("web", web, `${webUrl}/api/health`, options.dev ? 300_000 : 120_000);

    if (options.simulatedDrivers) {
      const startSimulator = service("simulator", "scripts/rides/simulate-drivers.ts", ["--count", String(options.simulatedDrivers)]);
      supervised("simulator", await startSimulator(), startSimulator);
    }

    const running = { webUrl, databaseUrl, redisUrl, gatewayUrl };
    await fs.writeFile(path.join(options.dataDir, "stack.json"), JSON.stringify(running, null, 2));
    return running;
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The supervised processes of one stack, and the status file the web process
 * reads for /api/health (server/platform/supervisor-status.ts). Writes are
 * chained so the file always holds the latest state.
 */
function createSupervisorBoard(dataDir: string, log: (line: string) => void) {
  const processes: SupervisedProcess[] = [];
  let writing = Promise.resolve();
  const publish = () => {
    const status = {
      pid: process.pid,
      updatedAt: new Date().toISOString(),
      processes: Object.fromEntries(processes.map((supervised) => [supervised.name, supervised.state()])),
    };
    writing = writing
      .then(() => writeSupervisorStatus(dataDir, status))
      .catch((error: unknown) => log(`Could not write the supervisor's status file: ${String(error)}`));
  };
  return {
    supervise(name: string, first: RunningProcess, restart: () => Promise<RunningProcess>): SupervisedProcess {
      const supervised = supervise({ name, first, restart, log, onChange: publish });
      processes.push(supervised);
      publish();
      return supervised;
    },
  };
}
