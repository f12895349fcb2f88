import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { createRedis, redis } from "@/server/platform/redis";
import type { BurstHoldBack } from "./click-burst";
import { ClickBuffer, recordClick, type ClickEvent } from "./click-events";
import { ClickStreamConsumer } from "./consume-click-stream";
import { createLink } from "../manage/create-link";
import { LinkCache } from "../redirect/link-cache";
import { DESKTOP_UA, createTestUser, eventually } from "../links-test-kit";

const cache = new LinkCache({ db, redis, listen: false });
/** The bursts below write about 2,000 clicks/s, ten times this. */
const BURST_PER_SECOND = 200;
const running: Array<{ stop: () => Promise<void> }> = [];

afterEach(async () => {
  for (const part of running.splice(0).reverse()) await part.stop();
});
afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

async function newLink(): Promise<string> {
  const user = await createTestUser();
  return (await createLink({ db, cache, ownerId: user.id, input: { url: "https://example.com/burst" } })).id;
}

const click = (linkId: string): ClickEvent => ({ linkId, occurredAt: Date.now(), ip: "81.2.69.160", userAgent: DESKTOP_UA, referer: "" });

/** The worker's consumer, running its own loop as in production, with the given hold-back policy. */
function startConsumer(policy: BurstHoldBack): void {
  const connection = createRedis({ maxRetriesPerRequest: null });
  const consumer = new ClickStreamConsumer({ db, redis: connection, consumer: `burst-test-${randomUUID()}`, batchSize: 500, holdBackDuringBursts: policy });
  consumer.start();
  running.push({ stop: async () => (await consumer.stop(), connection.disconnect()) });
}

/** How often the burst writes its 40 clicks: a load generator's pace (up to 2,000 clicks/s, ten times BURST_PER_SECOND), not a wait for anything. */
const BURST_INTERVAL_MS = 20;

/** Redirect-like traffic through the redirect's own writer: 40 clicks every BURST_INTERVAL_MS, until stopped. */
function startBurst(linkId: string): { written: () => number; stop: () => Promise<void> } {
  const buffer = new ClickBuffer(redis);
  let written = 0;
  let going = true;
  const loop = (async () => {
    while (going) {
      for (let index = 0; index < 40; index++) void buffer.add(click(linkId));
      await buffer.flush();
      written += 40;
      await new Promise((resolve) => setTimeout(resolve, BURST_INTERVAL_MS));
    }
  })();
  const burst = { written: () => written, stop: async () => ((going = false), await loop) };
  running.push(burst);
  return burst;
}

async function counted(linkId: string): Promise<number> {
  return (await db.link.findUniqueOrThrow({ where: { id: linkId }, select: { clickCount: true } })).clickCount;
}

describe("click ingest during a burst of redirects", () => {
  it("holds back while clicks arrive faster than the burst rate, then catches up exactly", async () => {
    const linkId = await newLink();
    startConsumer({ burstPerSecond: BURST_PER_SECOND, maxLagMs: 60_000 });
    const burst = startBurst(linkId);
    await eventually(async () => burst.written() >= 3_000, 20_000);
    // Held back: at most the clicks of the first round, before the consumer measured the burst.
    const duringBurst = await counted(linkId);
    await burst.stop();
    expect(duringBurst).toBeLessThan(burst.written() / 2);
    await eventually(async () => (await counted(linkId)) === burst.written(), 15_000);
  });

  it("ingests during the burst once the oldest pending click is maxLagMs old", async () => {
    const linkId = await newLink();
    startConsumer({ burstPerSecond: BURST_PER_SECOND, maxLagMs: 500 });
    const burst = startBurst(linkId);
    await eventually(async () => burst.written() >= 2_000, 20_000);
    const writtenThen = burst.written();
    // Counting keeps up about maxLagMs behind while the burst goes on.
    await eventually(async () => (await counted(linkId)) >= writtenThen, 15_000);
    expect(burst.written()).toBeGreaterThan(writtenThen);
    await burst.stop();
    await eventually(async () => (await counted(linkId)) === burst.written(), 15_000);
  });

  it("ingests a slow trickle of clicks at once", async () => {
    const linkId = await newLink();
    startConsumer({ burstPerSecond: BURST_PER_SECOND, maxLagMs: 60_000 });
    for (let clicks = 1; clicks <= 5; clicks++) {
      await recordClick(redis, click(linkId));
      // Far sooner than the 60 s the policy would hold a burst back.
      await eventually(async () => (await counted(linkId)) === clicks, 3_000);
    }
  });
});
