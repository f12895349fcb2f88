import { performance } from "node:perf_hooks";

type Pending = {
  start: number;
  expected: number;
  received: number;
  failed: boolean;
  /** When the send was answered, and what it stored (chat sends only). */
  answered?: number;
  conversationId?: string;
  seq?: number;
};

/** Every expected receipt, keyed by the message's client id (chat) or the event's key (baseline). */
export class Tracker {
  readonly pending = new Map<string, Pending>();
  latencies: number[] = [];
  lastReceipt = 0;
  expect(key: string, start: number, expected: number) {
    this.pending.set(key, { start, expected, received: 0, failed: false });
  }
  /** Receipts that arrived through a history fetch (gap fill or resync) rather than a live event. */
  resynced = 0;
  receive(key: string, viaHistory = false) {
    const entry = this.pending.get(key);
    if (!entry) return;
    const now = performance.now();
    entry.received++;
    if (viaHistory) this.resynced++;
    this.latencies.push(now - entry.start);
    this.lastReceipt = now;
  }
  outstanding(): number {
    let missing = 0;
    for (const entry of this.pending.values()) if (!entry.failed) missing += Math.max(0, entry.expected - entry.received);
    return missing;
  }
  expectedTotal(): number {
    let total = 0;
    for (const entry of this.pending.values()) if (!entry.failed) total += entry.expected;
    return total;
  }
}

/** Everything the clients report into: the current phase's tracker and the run's counters. */
export const run = {
  tracker: new Tracker(),
  /** `message` events arriving with a lower seq than one the same client already saw on that channel. */
  reordered: 0,
  /** The same message twice on one client's channel (the same seq, or the baseline's same key). */
  duplicates: 0,
  historyFetches: 0,
  historyErrors: 0,
  /** Re-subscriptions after the first (a reconnect), with the time of the latest. */
  resubscriptions: { count: 0, last: 0 },
  /** Connections after a client's first (pusher-js reconnecting): when each came back. */
  reconnections: { count: 0, last: 0, times: [] as number[] },
  /** Refused or failed channel subscriptions by reason (the auth endpoint's status, or the error). */
  subscriptionFailures: new Map<string, number>(),
  /** Every channel view of the first wave of clients, to explain a lost receipt. */
  timelines: [] as Array<{ conversationId: string; holds(seq: number): boolean; contiguousSeq(): number; highestSeq(): number; lastCatchUp(): number }>,
};

export function countSubscriptionFailure(reason: string): void {
  run.subscriptionFailures.set(reason, (run.subscriptionFailures.get(reason) ?? 0) + 1);
}
