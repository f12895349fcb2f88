import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/platform/db";
import { createRedis, redis } from "@/server/platform/redis";
import { CLICK_STREAM, recordClick, type ClickEvent } from "./click-events";
import { CLICK_INGEST_GROUP, ClickStreamConsumer } from "./consume-click-stream";
import { createLink } from "../manage/create-link";
import { DailySalts } from "./describe-click";
import { getLinkStats } from "./get-link-stats";
import { ingestClickBatch, type LinkCountChange, type StreamEntry } from "./ingest-clicks";
import { LinkCache } from "../redirect/link-cache";
import { BOT_UA, DESKTOP_UA, IPHONE_UA, createTestUser } from "../links-test-kit";

const consumerRedis = createRedis({ maxRetriesPerRequest: null });
const cache = new LinkCache({ db, redis, listen: false });
const batches: LinkCountChange[][] = [];
const consumer = new ClickStreamConsumer({ db, redis: consumerRedis, consumer: `test-${randomUUID()}`, batchSize: 500, onBatch: async (changes) => void batches.push(changes) });

beforeAll(() => consumer.ensureGroup());
afterAll(async () => {
  consumerRedis.disconnect();
  redis.disconnect();
  await db.$disconnect();
});

async function ownedLink() {
  const user = await createTestUser();
  const link = await createLink({ db, cache, ownerId: user.id, input: { url: "https://example.com/analytics" } });
  return { user, link };
}

const click = (linkId: string, overrides: Partial<ClickEvent> = {}): ClickEvent => ({
  linkId,
  occurredAt: Date.now(),
  ip: "81.2.69.160",
  userAgent: DESKTOP_UA,
  referer: "",
  ...overrides,
});

async function drain(): Promise<void> {
  while ((await consumer.processOnce(10, 60_000)) > 0);
}

async function linkCounters(linkId: string) {
  const link = await db.link.findUniqueOrThrow({ where: { id: linkId } });
  const rollups = await db.linkDailyStat.findMany({ where: { linkId } });
  const sum = (pick: (row: (typeof rollups)[number]) => number) => rollups.reduce((total, row) => total + pick(row), 0);
  return {
    clickCount: link.clickCount,
    rows: await db.click.count({ where: { linkId } }),
    clicks: sum((row) => row.clicks),
    visitors: sum((row) => row.uniqueVisitors),
    bots: sum((row) => row.bots),
  };
}

describe("click ingest", () => {
  it("stores clicks with visitor hash, country, referrer and agent facts; bots recorded but not counted", async () => {
    const { link } = await ownedLink();
    await recordClick(redis, click(link.id, { referer: "https://news.example.org/story?id=1" }));
    await recordClick(redis, click(link.id)); // same visitor again
    await recordClick(redis, click(link.id, { ip: "127.0.0.1", userAgent: IPHONE_UA }));
    await recordClick(redis, click(link.id, { ip: "8.8.8.8", userAgent: BOT_UA }));
    await drain();

    expect(await linkCounters(link.id)).toEqual({ clickCount: 3, rows: 4, clicks: 3, visitors: 2, bots: 1 });
    const rows = await db.click.findMany({ where: { linkId: link.id }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.referrerDomain, row.country, row.browser, row.os, row.device, row.isBot])).toEqual([
      ["news.example.org", "GB", "Chrome", "Windows", "desktop", false],
      ["direct", "GB", "Chrome", "Windows", "desktop", false],
      ["direct", "unknown", "Safari", "iOS", "mobile", false],
      ["direct", "US", "Googlebot", "unknown", "bot", true],
    ]);
    expect(rows[0]?.visitorHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.visitorHash).toBe(rows[1]?.visitorHash);
    // No raw IP anywhere in the stored row.
    expect(JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value))).not.toContain("81.2.69.160");
    // Ingested entries are acknowledged and deleted from the stream.
    expect(((await redis.xpending(CLICK_STREAM, CLICK_INGEST_GROUP)) as unknown[])[0]).toBe(0);
    expect(batches.flat().find((change) => change.linkId === link.id)).toMatchObject({ code: link.code, clickCount: 3 });
  });

  it("never double-counts a retried batch", async () => {
    const { link } = await ownedLink();
    const salts = new DailySalts(redis);
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) {
      const packed = JSON.stringify([[link.id, Date.now(), `81.2.69.${index}`, DESKTOP_UA, ""]]);
      ids.push((await redis.xadd(`${CLICK_STREAM}:retry-test`, "*", "b", packed)) ?? "");
    }
    const entries: StreamEntry[] = (await redis.xrange(`${CLICK_STREAM}:retry-test`, ids[0] ?? "-", ids[4] ?? "+")).map(([id, fields]) => ({ id, fields }));
    expect(entries).toHaveLength(5);

    const first = await ingestClickBatch({ db, salts, entries });
    expect(first).toEqual([{ linkId: link.id, code: link.code, ownerId: expect.any(String), clickCount: 5, added: 5 }]);
    const afterFirst = await linkCounters(link.id);

    // The same batch again (worker crashed after commit, before XACK), and a batch overlapping it.
    expect(await ingestClickBatch({ db, salts, entries })).toEqual([]);
    const overlap = await ingestClickBatch({ db, salts, entries: [...entries.slice(3), ...entries.slice(0, 2)] });
    expect(overlap).toEqual([]);
    await Promise.all([ingestClickBatch({ db, salts, entries }), ingestClickBatch({ db, salts, entries })]);

    expect(await linkCounters(link.id)).toEqual(afterFirst);
    expect(afterFirst).toEqual({ clickCount: 5, rows: 5, clicks: 5, visitors: 5, bots: 0 });
    await redis.del(`${CLICK_STREAM}:retry-test`);
  });

  it("takes over a batch a crashed consumer left pending, without double counting", async () => {
    const { link } = await ownedLink();
    for (let index = 0; index < 3; index++) await recordClick(redis, click(link.id, { ip: `81.2.69.${10 + index}` }));
    // A consumer reads the entries and dies before acknowledging them.
    const crashed = `crashed-${randomUUID()}`;
    const read = (await redis.xreadgroup("GROUP", CLICK_INGEST_GROUP, crashed, "COUNT", 1000, "STREAMS", CLICK_STREAM, ">")) as Array<[string, Array<[string, string[]]>]>;
    const entries = (read[0]?.[1] ?? []).map(([id, fields]) => ({ id, fields }));
    expect(entries.length).toBeGreaterThanOrEqual(3);
    // ...but only after its statement committed.
    await ingestClickBatch({ db, salts: new DailySalts(redis), entries });
    expect((await linkCounters(link.id)).clickCount).toBe(3);

    // Another worker reclaims the idle entries and ingests them again: nothing changes.
    let handled = 0;
    while (true) {
      const round = await consumer.processOnce(10, 0);
      if (round === 0) break;
      handled += round;
    }
    expect(handled).toBeGreaterThanOrEqual(3);
    expect(await linkCounters(link.id)).toEqual({ clickCount: 3, rows: 3, clicks: 3, visitors: 3, bots: 0 });
  });

  it("drops events of links deleted before ingest", async () => {
    const { link } = await ownedLink();
    await recordClick(redis, click(link.id));
    await db.link.delete({ where: { id: link.id } });
    await drain();
    expect(await db.click.count({ where: { linkId: link.id } })).toBe(0);
  });

  it("removes a link's clicks and visitor rows when the link goes, alone or with its owner's account", async () => {
    const alone = await ownedLink();
    const withOwner = await ownedLink();
    for (const { link } of [alone, withOwner]) await recordClick(redis, click(link.id));
    await drain();
    const rowsOf = async (linkId: string) => ({
      clicks: await db.click.count({ where: { linkId } }),
      visitors: await db.linkDailyVisitor.count({ where: { linkId } }),
    });
    expect(await rowsOf(alone.link.id)).toEqual({ clicks: 1, visitors: 1 });

    await db.link.delete({ where: { id: alone.link.id } });
    await db.user.delete({ where: { id: withOwner.user.id } });
    expect(await rowsOf(alone.link.id)).toEqual({ clicks: 0, visitors: 0 });
    expect(await rowsOf(withOwner.link.id)).toEqual({ clicks: 0, visitors: 0 });
  });

  it("counts a batch once when both copies of it arrive in the same read", async () => {
    const { link } = await ownedLink();
    const packed = JSON.stringify([[link.id, Date.now(), "81.2.69.160", DESKTOP_UA, ""]]);
    const batchId = randomUUID();
    const entries: StreamEntry[] = [
      { id: "1732500000000-1", fields: ["b", packed, "i", batchId] },
      { id: "1732500000000-2", fields: ["b", packed, "i", batchId] },
    ];
    await ingestClickBatch({ db, salts: new DailySalts(redis), entries });
    expect(await linkCounters(link.id)).toEqual({ clickCount: 1, rows: 1, clicks: 1, visitors: 1, bots: 0 });
  });

  it("feeds the stats: totals, unique visitors per day, hour and day buckets, dimensions, bots left out", async () => {
    const { user, link } = await ownedLink();
    const now = Date.now();
    const yesterday = now - 86_400_000;
    await recordClick(redis, click(link.id, { occurredAt: yesterday, referer: "https://t.co/x" }));
    await recordClick(redis, click(link.id, { occurredAt: now, referer: "https://t.co/y" })); // same visitor, another day
    await recordClick(redis, click(link.id, { occurredAt: now, ip: "8.8.8.8", userAgent: IPHONE_UA }));
    await recordClick(redis, click(link.id, { occurredAt: now, userAgent: BOT_UA }));
    await drain();

    const week = await getLinkStats({ db, ownerId: user.id, code: link.code, range: "7d", now: new Date(now) });
    expect(week).toMatchObject({ bucket: "day", totalClicks: 3, uniqueVisitors: 3, botClicks: 1 });
    expect(week.timeline).toHaveLength(7);
    expect(week.timeline.at(-1)).toEqual({ start: new Date(now).toISOString().slice(0, 10), clicks: 2, uniqueVisitors: 2 });
    expect(week.referrers).toEqual([
      { name: "t.co", count: 2 },
      { name: "direct", count: 1 },
    ]);
    expect(week.countries).toEqual([
      { name: "GB", count: 2 },
      { name: "US", count: 1 },
    ]);
    expect(week.devices).toEqual([
      { name: "desktop", count: 2 },
      { name: "mobile", count: 1 },
    ]);

    const day = await getLinkStats({ db, ownerId: user.id, code: link.code, range: "24h", now: new Date(now) });
    expect(day.bucket).toBe("hour");
    expect(day.timeline).toHaveLength(24);
    expect(day.timeline.reduce((sum, point) => sum + point.clicks, 0)).toBe(day.totalClicks);
    expect(day.botClicks).toBe(1);
    expect(day.timeline.at(-1)?.start).toBe(new Date(Math.floor(now / 3_600_000) * 3_600_000).toISOString());
  });
});
