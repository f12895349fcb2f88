import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { storage } from "@/server/platform/storage";
import { removeAbandonedUploads } from "./remove-abandoned-uploads";

const log = logger.child({ module: "video-uploads" });
/** Abandoned uploads are hours old by definition: looking once an hour is soon enough. */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Runs removeAbandonedUploads in the worker at start and every hour, the
 * next run scheduled after the previous one ends. Several workers may sweep
 * at once: each removal is a conditional delete. Returns a stop function
 * that waits for a sweep in progress.
 */
export function startAbandonedUploadSweeper(): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const sweep = () => {
    running = removeAbandonedUploads({ db, storage })
      .then(
        (removed) => {
          if (removed > 0) log.info({ removed }, "removed abandoned uploads");
        },
        (error: unknown) => log.warn({ err: error instanceof Error ? error.message : String(error) }, "abandoned upload sweep failed"),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(sweep, SWEEP_EVERY_MS);
      });
  };
  sweep();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
