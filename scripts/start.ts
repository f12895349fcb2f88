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
/** The fault suite (scripts/faults) runs this script on the test build. */
const distDir = process.argv.find((arg) => arg.startsWith("--dist-dir="))?.slice("--dist-dir=".length) ?? ".next";
const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.log(line);

// When the terminal or npm has gone away first (a kill of the whole process group), writing a log
// line fails with EPIPE; that must not end this process halfway through stopping the services.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);

const stack = createStack({
  root,
  dataDir: path.resolve(root, env.DATA_DIR),
  ports: { web: env.PORT, gateway: env.GATEWAY_PORT, postgres: env.PG_PORT, redis: env.REDIS_PORT },
  databaseUrl: env.embeddedPostgres ? undefined : env.DATABASE_URL,
  redisUrl: env.localRedis ? undefined : env.REDIS_URL,
  externalRealtime: env.PUSHER_CLUSTER !== undefined || (env.PUSHER_HOST !== undefined && env.PUSHER_PORT !== undefined),
  persistent: true,
  dev,
  distDir,
  simulatedDrivers: env.RIDES_SIMULATED_DRIVERS,
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
