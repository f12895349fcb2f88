import fs from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The worker's processors, run as server/jobs/worker.ts runs them: a BullMQ
 * Worker per job name on the real queue. This file's Redis is a database of
 * its own, so its worker never takes the jobs other files enqueue and inspect.
 */
process.env.REDIS_URL = `${process.env.REDIS_URL}/12`;
const { Queue, Worker } = await import("bullmq");
const { processors, REPEATING } = await import("./processors");
const { enqueue, JOB_PREFIX, scheduleRepeatingJob } = await import("@/server/platform/queue");
const { db } = await import("@/server/platform/db");
const { createRedis, redis } = await import("@/server/platform/redis");
const { createTestUser } = await import("@/server/accounts/test-users");

/** Processors whose test needs their system's whole flow, and where it lives. */
const TESTED_BESIDE_THEIR_SYSTEM: Record<string, string> = {
  "deliver-payment-event": "server/shop/checkout/simulator-webhook-delivery.test.ts",
  // Its worker is started by the Feed tests' kit; server/feed/timeline.test.ts checks what it does.
  "feed-fanout": "server/feed/feed-test-kit.ts",
  "links-preview": "server/links/preview/link-preview.test.ts",
  "chat-link-preview": "server/chat/link-previews/link-previews.test.ts",
  "feed-unposted-image-sweep": "server/feed/media/post-images.test.ts",
  "transcode-video": "server/videos/transcode-video.test.ts",
  "video-storyboard-backfill": "server/videos/storyboards/backfill-storyboards.test.ts",
  // Their workers are started by the Rides tests' kit; server/rides/matching/matching.test.ts checks what they do.
  "rides-match": "server/rides/rides-test-kit.ts",
  "rides-offer-expiry": "server/rides/rides-test-kit.ts",
};
const TESTED_HERE = ["send-notification"];

const connection = createRedis({ maxRetriesPerRequest: null });
const failures: string[] = [];
const worker = new Worker("send-notification", async (job) => processors["send-notification"](job.data, job), { connection, prefix: JOB_PREFIX });
worker.on("failed", (job, error) => failures.push(`${job?.id}: ${error.message}`));

afterAll(async () => {
  await worker.close();
  connection.disconnect();
  redis.disconnect();
  await db.$disconnect();
});

describe("worker processors", () => {
  it("every job name the worker processes has a test", async () => {
    for (const name of Object.keys(processors)) {
      const elsewhere = TESTED_BESIDE_THEIR_SYSTEM[name];
      expect(TESTED_HERE.includes(name) || elsewhere !== undefined, `no test for the "${name}" processor`).toBe(true);
      if (!elsewhere) continue;
      // The kit runs the processor the way the worker does, by name (`processors["x"]`, or `processors[name]` over names it lists).
      const kit = await fs.readFile(path.resolve(import.meta.dirname, "../..", elsewhere), "utf8");
      expect(kit.includes(`processors["${name}"]`) || (kit.includes("processors[name]") && kit.includes(`"${name}"`)), `${elsewhere} does not run "${name}"`).toBe(true);
    }
  });

  it("schedules each repeating job once, however many workers start", async () => {
    for (let start = 0; start < 2; start++) for (const { name, everyMs } of REPEATING) await scheduleRepeatingJob(name, everyMs);
    for (const { name, everyMs } of REPEATING) {
      const queue = new Queue(name, { connection, prefix: JOB_PREFIX });
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((scheduler) => ({ key: scheduler.key, every: Number(scheduler.every) }))).toEqual([{ key: name, every: everyMs }]);
      await queue.removeJobScheduler(name);
      await queue.close();
    }
  });

  it("send-notification: a queued notification is stored for its user, once", async () => {
    const user = await createTestUser(db);
    const marker = randomUUID();
    await enqueue("send-notification", { userId: user.id, kind: "test.processor", payload: { marker } }, { jobId: `processor-test-${marker}` });
    await expect.poll(() => db.notification.count({ where: { userId: user.id } }), { timeout: 10_000 }).toBe(1);
    expect(await db.notification.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ kind: "test.processor", payload: { marker }, readAt: null });

    // The same job id again (a retried enqueue) is not a second notification; a later job is.
    await enqueue("send-notification", { userId: user.id, kind: "test.processor", payload: { marker } }, { jobId: `processor-test-${marker}` });
    await enqueue("send-notification", { userId: user.id, kind: "test.sentinel", payload: {} });
    await expect.poll(() => db.notification.count({ where: { userId: user.id, kind: "test.sentinel" } }), { timeout: 10_000 }).toBe(1);
    expect(await db.notification.count({ where: { userId: user.id, kind: "test.processor" } })).toBe(1);
  });

  it("send-notification: a job run again after its worker died stores its notification once", async () => {
    const user = await createTestUser(db);
    const job = { id: `processor-test-${randomUUID()}`, timestamp: Date.now() };
    const data = { userId: user.id, kind: "test.rerun", payload: {} };
    // The worker was killed after the insert, before the job was marked done: BullMQ runs it again.
    await processors["send-notification"](data, job);
    await processors["send-notification"](data, job);
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(1);
    // Another job with the same id after Redis lost its data (ids restart) is a notification of its own.
    await processors["send-notification"](data, { ...job, timestamp: job.timestamp + 1 });
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(2);
  });

  it("send-notification: a job the notification module refuses fails, and stores nothing", async () => {
    const user = await createTestUser(db);
    const jobId = `processor-test-${randomUUID()}`;
    await enqueue("send-notification", { userId: user.id, kind: "Not A Kind!", payload: {} }, { jobId, attempts: 1 });
    await expect.poll(() => failures.some((failure) => failure.startsWith(`${jobId}:`)), { timeout: 10_000 }).toBe(true);
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(0);
  });
});
