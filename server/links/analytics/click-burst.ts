import type { Redis } from "@/server/platform/redis";
import { CLICK_STREAM, CLICKS_ADDED } from "./click-events";

export type BurstHoldBack = {
  /** Clicks per second (all web instances together) above which the inflow counts as a burst. */
  burstPerSecond: number;
  /** Never hold back once the oldest pending click is this old. */
  maxLagMs: number;
};

/** The shortest span an inflow rate is measured over: long enough that a person's clicks never read as a burst. */
const RATE_WINDOW_MS = 200;

/**
 * The click inflow rate, from the writers' running total (CLICKS_ADDED): one GET per reading, the rate
 * measured since the previous reading, over at least RATE_WINDOW_MS (it waits out the rest) and at most twice that.
 */
export class ClickInflowMeter {
  private last: { at: number; total: number } | undefined;

  constructor(private readonly redis: Redis) {}

  async clicksPerSecond(): Promise<number> {
    // A reading from before an idle spell (the consumer waiting for clicks) would average away a burst
    // that has just begun: measure over a fresh window instead.
    if (!this.last || Date.now() - this.last.at > 2 * RATE_WINDOW_MS) this.last = await this.read();
    const since = Date.now() - this.last.at;
    if (since < RATE_WINDOW_MS) await new Promise((resolve) => setTimeout(resolve, RATE_WINDOW_MS - since));
    const now = await this.read();
    const rate = ((now.total - this.last.total) * 1_000) / Math.max(1, now.at - this.last.at);
    this.last = now;
    // A total that went down (Redis flushed or replaced) says nothing about the rate: no burst.
    return Math.max(0, rate);
  }

  private async read(): Promise<{ at: number; total: number }> {
    const total = Number.parseInt((await this.redis.get(CLICKS_ADDED)) ?? "0", 10);
    return { at: Date.now(), total: Number.isFinite(total) ? total : 0 };
  }
}

/** Age of the oldest click still in the stream (acknowledged entries are deleted), or null when it is empty. */
export async function oldestPendingClickAgeMs(redis: Redis): Promise<number | null> {
  const [first] = await redis.xrange(CLICK_STREAM, "-", "+", "COUNT", 1);
  // Stream ids start with the epoch ms the entry was written at.
  const writtenAt = first ? Number.parseInt(first[0], 10) : Number.NaN;
  return Number.isFinite(writtenAt) ? Date.now() - writtenAt : null;
}

/**
 * Redirects first, analytics catch up: while clicks pour in faster than `burstPerSecond` (a burst of
 * redirects, not people clicking), the ingest waits here so the web process has the CPU, and returns
 * once the inflow falls below the rate, the oldest pending click is `maxLagMs` old (so under sustained
 * load counting goes on, that far behind), nothing is pending, or `keepWaiting` turns false.
 */
export async function waitOutClickBurst({
  policy,
  inflow,
  oldestPendingAgeMs,
  keepWaiting = () => true,
}: {
  policy: BurstHoldBack;
  inflow: { clicksPerSecond: () => Promise<number> };
  oldestPendingAgeMs: () => Promise<number | null>;
  keepWaiting?: () => boolean;
}): Promise<void> {
  while (keepWaiting() && (await inflow.clicksPerSecond()) > policy.burstPerSecond) {
    const lag = await oldestPendingAgeMs();
    if (lag === null || lag >= policy.maxLagMs) return;
  }
}
