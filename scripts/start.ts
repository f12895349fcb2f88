import path from "node:path";
import { env } from "../server/env";
import { StackError } from "./stack/ports";
import { onShutdownSignal } from "./stack/signals";
import { createStack } from "./stack/stack";

/**
 * `npm start` (production build) and `npm run dev` (Next dev server): one
 * command that brings up every part of Casebook on embedded defaults.
 */
const dev = process.argv.includes("--dev");
const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.log(line);

const stack = createStack({
  root,
  dataDir: path.resolve(root, env.DATA_DIR),
  ports: { web: env.PORT, gateway: env.GATEWAY_PORT, postgres: env.PG_PORT, redis: env.REDIS_PORT },
  databaseUrl: env.embeddedPostgres ? undefined : env.DATABASE_URL,
  redisUrl: env.localRedis ? undefined : env.REDIS_URL,
  externalRealtime: env.PUSHER_CLUSTER !== undefined || (env.PUSHER_HOST !== undefined && env.PUSHER_PORT !== undefined),
  persistent: true,
  dev,
  distDir: ".next",
  log,
});

onShutdownSignal(async (signal) => {
  log(`\n${signal} received, stopping Casebook...`);
  await stack.stop();
  log("Stopped.");
  process.exit(0);
});

try {
  const running = await stack.start();
  log(`\nCasebook is running at ${running.webUrl}\nPress Ctrl-C to stop.`);
} catch (error) {
  console.error(`\n${error instanceof StackError ? error.message : error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
}
