import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import type { Redis } from "@/server/platform/redis";
import { flushVideoViews } from "./flush-video-views";

const log = logger.child({ module: "video-views" });

/**
 * Runs flushVideoViews in the worker every VIDEO_VIEW_FLUSH_MS, the next run
 * scheduled after the previous one ends. Returns a stop function that waits
 * for a flush in progress.
 */
export function startViewFlusher(redis: Redis): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const flushOnce = () =>
    flushVideoViews({ db, redis }).then(
      () => undefined,
      (error: unknown) => log.warn({ err: error instanceof Error ? error.message : String(error) }, "view flush failed"),
    );
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = flushOnce().finally(schedule);
    }, env.VIDEO_VIEW_FLUSH_MS);
  };
  schedule();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
