import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { getPayments } from "@/server/platform/payments";
import type { Redis } from "@/server/platform/redis";
import { sweepExpiredCheckouts } from "./sweep-expired-checkouts";

export const SWEEP_INTERVAL_MS = 30_000;
const LOCK_KEY = "casebook:shop:checkout-sweeper";

const log = logger.child({ module: "shop-sweeper" });

/**
 * Runs the expired-checkout sweep every 30 s in the worker. A short Redis lock
 * lets one worker sweep per interval when several run (the sweep is safe
 * without it; the lock only saves duplicate gateway calls). The next run is
 * scheduled after the previous one finished, so sweeps never overlap.
 * Returns a stop function that waits for a sweep in progress.
 */
export function startCheckoutSweeper({ redis, workerId }: { redis: Redis; workerId: string }): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  async function sweepOnce(): Promise<void> {
    try {
      const acquired = await redis.set(LOCK_KEY, workerId, "PX", SWEEP_INTERVAL_MS - 1_000, "NX");
      if (!acquired) return;
      const result = await sweepExpiredCheckouts({ db, payments: getPayments() });
      if (result.cancelled + result.awaitingPayment + result.failed > 0) log.info(result, "swept expired checkouts");
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, "checkout sweep failed");
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sweepOnce().finally(schedule);
    }, SWEEP_INTERVAL_MS);
  }

  running = sweepOnce().finally(schedule);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
