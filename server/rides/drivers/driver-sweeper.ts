import { env } from "@/server/env";
import { logger } from "@/server/platform/logger";
import type { Redis } from "@/server/platform/redis";
import { evictSilentDrivers } from "./driver-index";

/** Often enough that a driver silent for RIDES_DRIVER_STALE_SECONDS leaves within a few seconds more. */
export const DRIVER_SWEEP_INTERVAL_MS = 5_000;
const log = logger.child({ module: "rides-sweeper" });

/** Drops drivers silent for RIDES_DRIVER_STALE_SECONDS from the index; safe with several workers (each eviction is one script). */
export async function sweepSilentDrivers(redis: Redis, now = Date.now()): Promise<string[]> {
  return evictSilentDrivers(redis, now - env.RIDES_DRIVER_STALE_SECONDS * 1000);
}

/** Runs the sweep in the worker every DRIVER_SWEEP_INTERVAL_MS; returns a stop function. */
export function startDriverSweeper(redis: Redis): () => void {
  const timer = setInterval(() => {
    sweepSilentDrivers(redis).then(
      (evicted) => evicted.length > 0 && log.info({ evicted: evicted.length }, "silent drivers left the index"),
      (error: unknown) => log.warn({ err: error instanceof Error ? error.message : String(error) }, "driver sweep failed"),
    );
  }, DRIVER_SWEEP_INTERVAL_MS);
  return () => clearInterval(timer);
}
