import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { pickWith, seededRandom } from "@/server/platform/seeded-random";
import { clickEntryFields, type ClickEvent } from "../analytics/click-events";
import { DailySalts } from "../analytics/describe-click";
import { ingestClickBatch, type StreamEntry } from "../analytics/ingest-clicks";
import { createLink } from "../manage/create-link";
import { LinkCache } from "../redirect/link-cache";
import { DEMO_LINKS, VISITOR_AGENTS, VISITOR_NETWORKS, VISITOR_REFERRERS, type DemoLink } from "./demo-links-data";

const DAY_MS = 86_400_000;
/** Inside the analytics page's 30-day range, whichever hour it is opened. */
const HISTORY_DAYS = 28;
/** Clicks per stream entry, as the redirect's ClickBuffer writes them. */
const BATCH = 200;

export type LinksSeedResult = { linksCreated: number; clicksCreated: number };

/**
 * The demo Links, idempotent: the links of DEMO_LINKS that their owner lacks
 * are created through createLink, and a new link gets four weeks of clicks
 * (countries, devices, referrers, a few bots), ingested by the real click
 * ingest so the counts, rollups and unique visitors agree as they do live.
 */
export async function seedDemoLinks({
  db,
  redis,
  ownerIds,
  now = new Date(),
}: {
  db: Db;
  redis: Redis;
  /** The demo accounts' ids by username; links of an absent owner are skipped. */
  ownerIds: Readonly<Record<string, string>>;
  now?: Date;
}): Promise<LinksSeedResult> {
  const cache = new LinkCache({ db, redis, listen: false });
  const salts = new DailySalts(redis);
  const result: LinksSeedResult = { linksCreated: 0, clicksCreated: 0 };
  try {
    for (const [position, demo] of DEMO_LINKS.entries()) {
      const ownerId = ownerIds[demo.owner];
      if (!ownerId || (await db.link.findUnique({ where: { code: demo.input.customAlias }, select: { id: true } }))) continue;
      const link = await createLink({ db, cache, ownerId, input: demo.input, now });
      // Made four weeks ago, so its first clicks do not come before it.
      await db.link.update({ where: { id: link.id }, data: { createdAt: new Date(now.getTime() - HISTORY_DAYS * DAY_MS) } });
      result.linksCreated += 1;
      const entries = clickEntries(link.id, demo, seededRandom(20261207 + position), now);
      await ingestClickBatch({ db, salts, entries });
      result.clicksCreated += demo.clicks;
    }
  } finally {
    await cache.close();
  }
  return result;
}

/** Four weeks of clicks, more of them lately, in the stream entries the ingest reads. */
function clickEntries(linkId: string, demo: DemoLink, next: () => number, now: Date): StreamEntry[] {
  const clicks: ClickEvent[] = Array.from({ length: demo.clicks }, () => ({
    linkId,
    occurredAt: now.getTime() - Math.floor(next() ** 1.8 * HISTORY_DAYS * DAY_MS),
    ip: `${pickWith(next, VISITOR_NETWORKS)}.${1 + Math.floor(next() * 120)}`,
    userAgent: pickWith(next, VISITOR_AGENTS),
    referer: pickWith(next, VISITOR_REFERRERS),
  }));
  const entries: StreamEntry[] = [];
  for (let start = 0; start < clicks.length; start += BATCH) {
    const batchId = `demo-${demo.input.customAlias}-${start / BATCH}`;
    entries.push({ id: batchId, fields: clickEntryFields(batchId, clicks.slice(start, start + BATCH)) });
  }
  return entries;
}
