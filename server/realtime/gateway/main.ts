/**
 * Process entry of the realtime gateway: `node --import ./scripts/node/register.mjs server/realtime/gateway/main.ts`.
 * The only place in the gateway that reads settings (through server/env.ts).
 */
import { appUrl, env } from "@/server/env";
import { logger } from "@/server/platform/logger";
import { createGateway } from "./create-gateway";
import { originOf } from "./origin-policy";

const log = logger.child({ module: "gateway" });
/** Past this, shutdown gives up waiting and exits anyway, so an orchestrator is never stuck. */
const SHUTDOWN_DEADLINE_MS = 10_000;

const gateway = await createGateway({
  host: env.GATEWAY_HOST,
  port: env.GATEWAY_PORT,
  app: { id: env.PUSHER_APP_ID, key: env.PUSHER_APP_KEY, secret: env.PUSHER_APP_SECRET },
  // The app's own pages (APP_URL, and the web port on whatever host name the browser used) plus GATEWAY_ALLOWED_ORIGINS.
  allowedOrigins: { origins: [originOf(appUrl), ...env.GATEWAY_ALLOWED_ORIGINS].filter((origin) => origin !== null), webPort: env.PORT },
  redisUrl: env.REDIS_URL,
  logger: log,
});

// A plain line, not JSON: scripts/stack waits for it.
process.stdout.write(`gateway listening on ${env.GATEWAY_HOST}:${gateway.port}\n`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "shutting down");
  const deadline = setTimeout(() => {
    log.error({ signal }, "shutdown took too long; exiting");
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();
  try {
    await gateway.close();
    process.exit(0);
  } catch (error) {
    log.error({ err: error instanceof Error ? error.message : String(error) }, "shutdown failed");
    process.exit(1);
  }
}

process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
