import { randomUUID } from "node:crypto";
import os from "node:os";
import { Worker } from "bullmq";
import { assertSecretsSet, env } from "@/server/env";
import { announceClickCounts } from "@/server/links/analytics/announce-click-counts";
import { ClickStreamConsumer } from "@/server/links/analytics/consume-click-stream";
import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { JOB_PREFIX, scheduleRepeatingJob, type JobName } from "@/server/platform/queue";
import { createRedis } from "@/server/platform/redis";
import { HEARTBEAT_INTERVAL_MS, beatWorkerHeartbeat, clearWorkerHeartbeat } from "@/server/platform/worker-heartbeat";
import { startDriverSweeper } from "@/server/rides/drivers/driver-sweeper";
import { startCheckoutSweeper } from "@/server/shop/checkout/checkout-sweeper";
import { queueStoryboardBackfill } from "@/server/videos/storyboards/queue-storyboard-backfill";
import { startAbandonedUploadSweeper } from "@/server/videos/uploads/abandoned-upload-sweeper";
import { startViewFlusher } from "@/server/videos/views/view-flusher";
import { CONCURRENCY, REPEATING, processors } from "./processors";

/** The worker process: one BullMQ Worker per job name, plus a heartbeat for /api/health. */
const log = logger.child({ module: "worker" });
/**
 * A stop that comes while the worker is still starting has nothing to finish, and its start may be
 * waiting on a Redis that died with npm start (the fault suite's SIGKILL of the start script): exit at
 * once. `shutdown` takes over below, once everything it stops exists.
 */
let stop = (): void => process.exit(0);
process.once("SIGINT", () => stop());
process.once("SIGTERM", () => stop());
assertSecretsSet();
const workerId = randomUUID();
// Blocking commands need a connection that never gives up on a request.
const connection = createRedis({ maxRetriesPerRequest: null });
const heartbeatRedis = createRedis();

const workers = (Object.keys(processors) as JobName[]).map((name) => {
  const worker = new Worker(name, async (job) => processors[name](job.data, job), {
    connection,
    prefix: JOB_PREFIX,
    concurrency: CONCURRENCY[name] ?? 8,
  });
  worker.on("failed", (job, error) => log.warn({ job: job?.id, name, err: error.message }, "job failed"));
  worker.on("error", (error) => log.error({ name, err: error.message }, "worker error"));
  return worker;
});

// The repeating jobs: each start updates their schedulers in place, and BullMQ runs each once per interval in all.
for (const { name, everyMs } of REPEATING) await scheduleRepeatingJob(name, everyMs);

// Links click analytics: a Redis stream consumer group rather than a BullMQ queue,
// so a redirect costs one XADD and the worker ingests hundreds of clicks per statement.
// The ingest costs about as much CPU per click as the redirect itself (bench:links): during a burst of
// redirects it holds back (LINKS_INGEST_BURST_PER_SECOND) and catches up after it.
lowerPriority(env.WORKER_NICE);
const clickStreamRedis = createRedis({ maxRetriesPerRequest: null });
const clickConsumer = new ClickStreamConsumer({
  db,
  redis: clickStreamRedis,
  consumer: `worker-${workerId}`,
  batchSize: env.LINKS_INGEST_BATCH_SIZE,
  onBatch: announceClickCounts,
  holdBackDuringBursts:
    env.LINKS_INGEST_MAX_LAG_MS > 0 ? { burstPerSecond: env.LINKS_INGEST_BURST_PER_SECOND, maxLagMs: env.LINKS_INGEST_MAX_LAG_MS } : undefined,
});
clickConsumer.start();

// Shop: gives back stock held by checkouts that were never paid (every 30 s).
const stopCheckoutSweeper = startCheckoutSweeper({ redis: heartbeatRedis, workerId });
// Rides: drivers silent for RIDES_DRIVER_STALE_SECONDS leave the index of available drivers (every 5 s).
const stopDriverSweeper = startDriverSweeper(heartbeatRedis);
// Video: adds the views buffered in Redis to Postgres (every VIDEO_VIEW_FLUSH_MS).
const stopViewFlusher = startViewFlusher(heartbeatRedis);
// Video: uploads nobody finished within VIDEO_ABANDONED_UPLOAD_HOURS go, files and all (every hour).
const stopUploadSweeper = startAbandonedUploadSweeper();
// Video: storyboards for videos transcoded before the job made them (one job, whichever worker starts first).
await queueStoryboardBackfill().catch((error: unknown) => log.warn({ err: error instanceof Error ? error.message : String(error) }, "could not queue the storyboard backfill"));

async function beat() {
  try {
    await beatWorkerHeartbeat(heartbeatRedis, workerId);
  } catch (error) {
    log.warn({ err: error instanceof Error ? error.message : String(error) }, "heartbeat failed");
  }
}
await beat();
const heartbeat = setInterval(() => void beat(), HEARTBEAT_INTERVAL_MS);
log.info(`worker ${workerId} processing ${workers.length} queue(s) and the click stream`);

function lowerPriority(nice: number): void {
  try {
    // Only ever lowered: a worker started with a higher nice value (by `nice`, systemd) keeps it.
    if (nice > os.getPriority()) os.setPriority(nice);
  } catch (error) {
    log.warn({ err: error instanceof Error ? error.message : String(error) }, "could not lower the worker's CPU priority");
  }
}

/** Past this, a stop gives up waiting (Redis may be gone too, and a close would wait for it forever): unfinished jobs return to the queue when their locks run out. */
const SHUTDOWN_GRACE_MS = 10_000;

async function shutdown() {
  setTimeout(() => {
    log.warn("shutdown took too long; exiting without waiting further");
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
  clearInterval(heartbeat);
  stopDriverSweeper();
  await Promise.all([...workers.map((worker) => worker.close()), clickConsumer.stop(), stopCheckoutSweeper(), stopViewFlusher(), stopUploadSweeper()]);
  clickStreamRedis.disconnect();
  await clearWorkerHeartbeat(heartbeatRedis, workerId).catch((error: unknown) => log.warn({ err: String(error) }, "could not clear heartbeat"));
  heartbeatRedis.disconnect();
  connection.disconnect();
  process.exit(0);
}
stop = () => void shutdown();
