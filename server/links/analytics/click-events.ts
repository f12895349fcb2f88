import { randomUUID } from "node:crypto";
import { env } from "@/server/env";
import { logger } from "@/server/platform/logger";
import type { Redis } from "@/server/platform/redis";

/**
 * Click events travel from the redirect to the worker through a Redis stream,
 * a batch per entry. A batch's identity is its own id (or, for entries without
 * one, the stream entry id "1732500000000-3"): the ingest records it in
 * click_ingested_batch, so a batch delivered twice (a worker crash before XACK,
 * a reclaimed pending entry, a batch written again after a Redis failure) is
 * counted once.
 *
 * The raw IP is carried only here, in a transient entry deleted right after
 * ingest; Postgres gets the salted visitor hash and the country.
 */
export const CLICK_STREAM = env.LINKS_CLICK_STREAM;
/**
 * Running total of the clicks ever written to the stream (an entry holds a batch of them, so the stream's own
 * entry count says little about clicks): the worker reads the click inflow rate from it to tell a burst of
 * redirects from a person's clicks (server/links/analytics/click-burst.ts).
 */
export const CLICKS_ADDED = `${CLICK_STREAM}:clicks-added`;
/**
 * Memory guard if the worker is down for a long time: the stream is trimmed
 * (approximately) past this many pending entries, dropping the oldest.
 */
const STREAM_MAX_ENTRIES = 1_000_000;

export type ClickEvent = {
  linkId: string;
  /** Epoch ms when the redirect was served. */
  occurredAt: number;
  ip: string;
  userAgent: string;
  referer: string;
};

type PackedClick = [linkId: string, occurredAt: number, ip: string, userAgent: string, referer: string];

const log = logger.child({ module: "links-click-events" });

function pack(click: ClickEvent): PackedClick {
  return [click.linkId, click.occurredAt, click.ip, click.userAgent.slice(0, 512), click.referer.slice(0, 512)];
}

/** Writes one click as its own stream entry, unbatched (tests and scripts; redirects go through ClickBuffer). */
export async function recordClick(redis: Redis, click: ClickEvent): Promise<void> {
  await addEntry(redis, ["b", JSON.stringify([pack(click)])], 1);
}

/** XADD and the click total in one round trip; throws when the entry was not written (the total only feeds a rate). */
async function addEntry(redis: Redis, fields: string[], clicks: number): Promise<void> {
  const [added] = (await redis.pipeline().xadd(CLICK_STREAM, "MAXLEN", "~", STREAM_MAX_ENTRIES, "*", ...fields).incrby(CLICKS_ADDED, clicks).exec()) ?? [];
  if (!added || added[0]) throw added?.[0] ?? new Error("XADD got no reply");
}

/**
 * The redirect's writer (server/links/redirect/redirect-route.ts): clicks are gathered for at most
 * FLUSH_DELAY_MS (or MAX_BATCH clicks) and written as one stream entry. Under
 * load that turns thousands of XADDs per second into a few hundred, which
 * leaves Redis and the CPU to the redirects themselves. The price: a web
 * process that dies hard loses at most the last few milliseconds of clicks.
 * While Redis is away (restarting), batches wait in memory and are written
 * again every RETRY_MS; each carries its own id (field "i"), so a batch that
 * did reach Redis before the failure is still counted once.
 */
const FLUSH_DELAY_MS = 5;
const MAX_BATCH = 200;
const RETRY_MS = 1_000;
/** Memory guard for a long Redis outage: past this many waiting clicks, the oldest batches are dropped. */
const MAX_UNSENT_CLICKS = 100_000;

type Batch = { id: string; clicks: PackedClick[] };

export class ClickBuffer {
  private pending: PackedClick[] = [];
  private unsent: Batch[] = [];
  private timer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  /** One writer at a time: batches queued meanwhile go out in the same run. */
  private writing: Promise<void> | undefined;
  /** Settles once the pending clicks are written (or set aside to retry): Next's `after()` waits for it on Vercel. */
  private written: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(private readonly redis: Redis) {}

  /**
   * Gathers a click. The first click of a batch gets the promise that settles
   * once its batch is written (a serverless caller keeps its function alive
   * for it); the rest of the batch gets nothing, so a redirect pays for no
   * promise of its own.
   */
  add(click: ClickEvent): Promise<void> | undefined {
    this.pending.push(pack(click));
    let opened: Promise<void> | undefined;
    if (!this.written) {
      this.written = settlement();
      opened = this.written.promise;
    }
    if (this.pending.length >= MAX_BATCH) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
    return opened;
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const written = this.written;
    this.written = undefined;
    if (this.pending.length > 0) this.unsent.push({ id: randomUUID(), clicks: this.pending });
    this.pending = [];
    try {
      this.writing ??= this.writeUnsent().finally(() => (this.writing = undefined));
      await this.writing;
    } finally {
      written?.resolve();
    }
  }

  private async writeUnsent(): Promise<void> {
    while (this.unsent.length > 0) {
      const batch = this.unsent[0] as Batch;
      try {
        await addEntry(this.redis, entryFields(batch.id, batch.clicks), batch.clicks.length);
      } catch (error) {
        this.keepForRetry(error);
        return;
      }
      this.unsent.shift();
    }
  }

  private keepForRetry(error: unknown): void {
    let waiting = this.unsent.reduce((sum, batch) => sum + batch.clicks.length, 0);
    while (waiting > MAX_UNSENT_CLICKS && this.unsent.length > 1) {
      const dropped = this.unsent.shift() as Batch;
      waiting -= dropped.clicks.length;
      log.error({ clicks: dropped.clicks.length }, "click events lost (Redis away too long)");
    }
    if (this.retryTimer) return;
    log.warn({ err: error instanceof Error ? error.message : String(error), clicks: waiting }, "click events kept to retry");
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, RETRY_MS);
  }
}

/** A batch as the fields of its stream entry, which parseClickEntry reads back (the demo seed ingests such entries directly). */
export function clickEntryFields(batchId: string, clicks: readonly ClickEvent[]): string[] {
  return entryFields(batchId, clicks.map(pack));
}

function entryFields(batchId: string, clicks: PackedClick[]): string[] {
  return ["b", JSON.stringify(clicks), "i", batchId];
}

function settlement(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** One stream entry's clicks under the identity the ingest counts them once by. */
export type ClickBatch = { batchId: string; clicks: ClickEvent[] };

/**
 * Reads one stream entry back into its batch: its own id (field "i"; for entries written before batches
 * had ids, the stream entry id) and its valid clicks. Malformed entries and items are skipped.
 */
export function parseClickEntry(entryId: string, fields: string[]): ClickBatch | null {
  const index = fields.indexOf("b");
  const batchIndex = fields.indexOf("i");
  const batchId = batchIndex !== -1 && batchIndex % 2 === 0 ? fields[batchIndex + 1] : undefined;
  const raw = index === -1 || index % 2 !== 0 ? undefined : fields[index + 1];
  if (raw === undefined) return null;
  let items: unknown;
  try {
    items = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!Array.isArray(items)) return null;
  const clicks: ClickEvent[] = [];
  for (const item of items as unknown[]) {
    if (!Array.isArray(item) || item.length !== 5) continue;
    const [linkId, occurredAt, ip, userAgent, referer] = item as unknown[];
    if (typeof linkId !== "string" || typeof occurredAt !== "number" || !Number.isFinite(occurredAt)) continue;
    clicks.push({ linkId, occurredAt, ip: String(ip ?? ""), userAgent: String(userAgent ?? ""), referer: String(referer ?? "") });
  }
  return clicks.length > 0 ? { batchId: batchId ?? entryId, clicks } : null;
}
