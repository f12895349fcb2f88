import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import type { Redis } from "@/server/platform/redis";
import { ClickInflowMeter, oldestPendingClickAgeMs, waitOutClickBurst, type BurstHoldBack } from "./click-burst";
import { CLICK_STREAM } from "./click-events";
import { DailySalts } from "./describe-click";
import { ingestClickBatch, pruneIngestBookkeeping, type LinkCountChange, type StreamEntry } from "./ingest-clicks";

export const CLICK_INGEST_GROUP = "click-ingest";
/** A batch pending this long (its worker died mid-batch) is taken over by another consumer. */
const RECLAIM_IDLE_MS = 30_000;
const PRUNE_EVERY_MS = 3_600_000;

const log = logger.child({ module: "links-click-consumer" });

type RawEntries = Array<[id: string, fields: string[]]>;

export type ClickStreamConsumerOptions = {
  db: Db;
  /** Needs its own connection: XREADGROUP BLOCK holds it. */
  redis: Redis;
  consumer: string;
  batchSize: number;
  /** Called after each committed batch with the links whose counts moved. */
  onBatch?: (changes: LinkCountChange[]) => Promise<void>;
  /**
   * Redirects first: before each round, wait while clicks arrive faster than `burstPerSecond`, unless the
   * oldest pending click is already `maxLagMs` old (click-burst.ts). Unset: ingest as soon as clicks arrive.
   */
  holdBackDuringBursts?: BurstHoldBack;
};

/**
 * The worker side of click analytics: a Redis stream consumer group, so any
 * number of workers share the load and each event is delivered to one of them.
 * An entry is acknowledged (and deleted) only after its batch has committed;
 * if a worker dies in between, the entry stays pending and is reclaimed after
 * RECLAIM_IDLE_MS, and the idempotent ingest makes the redelivery harmless.
 */
export class ClickStreamConsumer {
  private readonly salts: DailySalts;
  private running = false;
  private loop: Promise<void> | undefined;
  private lastPrune = 0;
  private readonly inflow: ClickInflowMeter;

  constructor(private readonly options: ClickStreamConsumerOptions) {
    this.salts = new DailySalts(options.redis);
    this.inflow = new ClickInflowMeter(options.redis);
  }

  async ensureGroup(): Promise<void> {
    try {
      // From "0": events written before the group existed are ingested too (acked ones are deleted).
      await this.options.redis.xgroup("CREATE", CLICK_STREAM, CLICK_INGEST_GROUP, "0", "MKSTREAM");
    } catch (error) {
      if (!(error instanceof Error && error.message.includes("BUSYGROUP"))) throw error;
    }
  }

  /** One round: take over abandoned entries, then read new ones (waiting up to blockMs). Returns events handled. */
  async processOnce(blockMs: number, reclaimIdleMs = RECLAIM_IDLE_MS): Promise<number> {
    const { redis, consumer, batchSize } = this.options;
    const claimed = (await redis.xautoclaim(CLICK_STREAM, CLICK_INGEST_GROUP, consumer, reclaimIdleMs, "0", "COUNT", batchSize)) as [string, RawEntries, string[]];
    let handled = await this.handle(claimed[1]);
    if (handled > 0) return handled;

    const read = (await redis.xreadgroup("GROUP", CLICK_INGEST_GROUP, consumer, "COUNT", batchSize, "BLOCK", blockMs, "STREAMS", CLICK_STREAM, ">")) as
      | Array<[stream: string, entries: RawEntries]>
      | null;
    handled = await this.handle(read?.[0]?.[1] ?? []);
    await this.pruneNowAndThen();
    return handled;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      let groupReady = false;
      while (this.running) {
        try {
          if (!groupReady) {
            await this.ensureGroup();
            groupReady = true;
          }
          await this.waitOutBurst();
          if (this.running) await this.processOnce(1_000);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // The stream or group vanished (Redis flushed or replaced): create them again.
          if (message.includes("NOGROUP")) groupReady = false;
          log.error({ err: message }, "click ingest failed; retrying");
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /**
   * Redirects and ingest share small machines: during a burst of redirects the ingest holds back and lets
   * the stream grow, then catches up when the burst ends. Counting stays exact, only later; a person's
   * clicks, far below the burst rate, are ingested at once.
   */
  private async waitOutBurst(): Promise<void> {
    const policy = this.options.holdBackDuringBursts;
    if (!policy) return;
    await waitOutClickBurst({
      policy,
      inflow: this.inflow,
      oldestPendingAgeMs: () => oldestPendingClickAgeMs(this.options.redis),
      keepWaiting: () => this.running,
    });
  }

  private async handle(raw: RawEntries): Promise<number> {
    // XAUTOCLAIM can report entries deleted meanwhile as null.
    const entries: StreamEntry[] = raw.filter((entry) => Array.isArray(entry) && Array.isArray(entry[1])).map(([id, fields]) => ({ id, fields }));
    if (entries.length === 0) return 0;
    const changes = await ingestClickBatch({ db: this.options.db, salts: this.salts, entries });
    const ids = entries.map((entry) => entry.id);
    await this.options.redis.multi().xack(CLICK_STREAM, CLICK_INGEST_GROUP, ...ids).xdel(CLICK_STREAM, ...ids).exec();
    if (changes.length > 0 && this.options.onBatch) await this.options.onBatch(changes);
    return entries.length;
  }

  private async pruneNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    try {
      await pruneIngestBookkeeping(this.options.db);
    } catch (error) {
      log.warn({ err: String(error) }, "could not prune the ingest's bookkeeping");
    }
  }
}
