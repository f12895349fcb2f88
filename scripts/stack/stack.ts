import fs from "node:fs/promises";
import path from "node:path";
import { applyMigrations } from "../db/migrate";
import { ensureProductionBuild } from "./build";
import { assertPortFree } from "./ports";
import { assertPostgresReachable, startEmbeddedPostgres } from "./postgres";
import { assertRedisReachable, startLocalRedis } from "./redis";
import { readOrCreateSecrets } from "./secrets";
import { ensureSystemProgram } from "./system-packages";
import { spawnService, waitUntilHealthy, type Service } from "./services";

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
  log: (line: string) => void;
};

export type RunningStack = {
  webUrl: string;
  databaseUrl: string;
  redisUrl: string;
  gatewayUrl: string | undefined;
};

export type Stack = {
  /** Brings up Postgres, Redis, migrations, demo data, gateway, worker and web, in that order. */
  start: () => Promise<RunningStack>;
  /** Stops whatever has started so far, in reverse order; safe to call at any moment. */
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

  try {
    await assertPortFree(options.ports.web, "web", "PORT");
    if (!options.externalRealtime) await assertPortFree(options.ports.gateway, "realtime gateway", "GATEWAY_PORT");

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
      stoppers.push(postgres.stop);
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
      stoppers.push(redis.stop);
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

    const seed = spawnService({ name: "seed", entry: path.join(options.root, "prisma/seed.ts"), env: childEnv, log });
    await new Promise<void>((resolve, reject) =>
      seed.child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seeding failed with code ${code}`)))),
    );

    if (!options.dev) await ensureProductionBuild({ root: options.root, distDir: options.distDir, env: { ...process.env, ...secrets }, log });

    const services: Service[] = [];
    stoppers.push(async () => {
      await Promise.all(services.map((service) => service.stop()));
    });

    let gatewayUrl: string | undefined;
    if (!options.externalRealtime) {
      const gateway = spawnService({ name: "gateway", entry: path.join(options.root, "server/realtime/gateway/main.ts"), env: childEnv, log });
      services.push(gateway);
      gatewayUrl = `http://127.0.0.1:${options.ports.gateway}`;
      await waitUntilHealthy(gateway, `${gatewayUrl}/health`);
    }

    services.push(spawnService({ name: "worker", entry: path.join(options.root, "server/jobs/worker.ts"), env: childEnv, log }));

    const web = spawnService({
      name: "web",
      entry: path.join(options.root, "server/web/main.ts"),
      args: options.dev ? ["--dev"] : [],
      env: childEnv,
      log,
    });
    services.push(web);
    const webUrl = `http://localhost:${options.ports.web}`;
    await waitUntilHealthy(web, `${webUrl}/api/health`, options.dev ? 300_000 : 120_000);

    const running = { webUrl, databaseUrl, redisUrl, gatewayUrl };
    await fs.writeFile(path.join(options.dataDir, "stack.json"), JSON.stringify(running, null, 2));
    return running;
  } catch (error) {
    await stop();
    throw error;
  }
}
