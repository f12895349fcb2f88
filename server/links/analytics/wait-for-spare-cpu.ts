import os from "node:os";

/**
 * The share of the machine's CPU time spent busy (all cores, every process)
 * between two calls, from the kernel's per-core counters (os.cpus(), so it
 * works wherever Node does).
 */
export class CpuBusyMeter {
  private last = readTotals();

  /** Busy share (0–1) since the previous call; 0 when no time has passed. */
  sample(): number {
    const now = readTotals();
    const total = now.total - this.last.total;
    const idle = now.idle - this.last.idle;
    this.last = now;
    return total > 0 ? Math.min(1, Math.max(0, 1 - idle / total)) : 0;
  }
}

function readTotals(): { total: number; idle: number } {
  let total = 0;
  let idle = 0;
  for (const cpu of os.cpus()) {
    const { user, nice, sys, idle: idleMs, irq } = cpu.times;
    total += user + nice + sys + idleMs + irq;
    idle += idleMs;
  }
  return { total, idle };
}

export type SpareCpuPolicy = {
  /** At or above this busy share (0–1) the machine counts as saturated. */
  busyShare: number;
  /** Never wait once the oldest pending work is this old. */
  maxLagMs: number;
};

/**
 * Background work that shares a small machine with requests (the click ingest
 * with the redirects) waits here while the CPU is saturated, watching it
 * `sampleMs` at a time, and returns once the machine has time to spare, the
 * oldest pending work has waited `maxLagMs` (so under sustained saturation it
 * still runs, just later), there is nothing pending, or `keepWaiting` turns false.
 */
export async function waitForSpareCpu({
  policy,
  cpu,
  sampleMs,
  oldestPendingAgeMs,
  keepWaiting = () => true,
}: {
  policy: SpareCpuPolicy;
  cpu: { sample: () => number };
  sampleMs: number;
  /** Age of the oldest pending item, or null when there is none. */
  oldestPendingAgeMs: () => Promise<number | null>;
  keepWaiting?: () => boolean;
}): Promise<void> {
  for (;;) {
    cpu.sample();
    await new Promise((resolve) => setTimeout(resolve, sampleMs));
    if (!keepWaiting() || cpu.sample() < policy.busyShare) return;
    const lag = await oldestPendingAgeMs();
    if (lag === null || lag >= policy.maxLagMs) return;
  }
}
