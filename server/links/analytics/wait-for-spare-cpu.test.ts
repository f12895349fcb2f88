import { describe, expect, it } from "vitest";
import { CpuBusyMeter, waitForSpareCpu } from "./wait-for-spare-cpu";

const policy = { busyShare: 0.85, maxLagMs: 1_000 };

/** A backlog whose oldest item was written `startAgeMs` ago and ages in real time. */
function backlog(startAgeMs: number | null) {
  const written = Date.now() - (startAgeMs ?? 0);
  return async () => (startAgeMs === null ? null : Date.now() - written);
}

describe("waitForSpareCpu", () => {
  it("returns after one look when the machine has time to spare", async () => {
    const started = Date.now();
    await waitForSpareCpu({ policy, cpu: { sample: () => 0.4 }, sampleMs: 20, oldestPendingAgeMs: backlog(0) });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("waits while the CPU is saturated until the oldest pending item is maxLagMs old", async () => {
    const started = Date.now();
    await waitForSpareCpu({ policy, cpu: { sample: () => 1 }, sampleMs: 20, oldestPendingAgeMs: backlog(300) });
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(650);
    expect(waited).toBeLessThan(2_000);
  });

  it("returns as soon as the saturation ends", async () => {
    let busy = 1;
    setTimeout(() => (busy = 0.3), 200);
    const started = Date.now();
    await waitForSpareCpu({ policy: { ...policy, maxLagMs: 60_000 }, cpu: { sample: () => busy }, sampleMs: 20, oldestPendingAgeMs: backlog(0) });
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(180);
    expect(waited).toBeLessThan(1_500);
  });

  it("does not wait with nothing pending, nor once told to stop", async () => {
    const started = Date.now();
    await waitForSpareCpu({ policy, cpu: { sample: () => 1 }, sampleMs: 20, oldestPendingAgeMs: backlog(null) });
    await waitForSpareCpu({ policy, cpu: { sample: () => 1 }, sampleMs: 20, oldestPendingAgeMs: backlog(0), keepWaiting: () => false });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("measures a busy share between 0 and 1 from the machine's counters", async () => {
    const meter = new CpuBusyMeter();
    const spinUntil = Date.now() + 50;
    while (Date.now() < spinUntil);
    const share = meter.sample();
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThanOrEqual(1);
  });
});
