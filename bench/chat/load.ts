import { performance } from "node:perf_hooks";
import { run } from "./tracker";

export type Send = () => Promise<void>;

/** Fires `count` sends at `rate`/s (open loop: a slow send does not delay the next). */
export async function atFixedRate(count: number, rate: number, makeSend: (index: number) => Send): Promise<{ seconds: number; lateStarts: number }> {
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  let lateStarts = 0;
  for (let index = 0; index < count; index++) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    else if (wait < -10) lateStarts++;
    const promise = makeSend(index)().finally(() => inFlight.delete(promise));
    inFlight.add(promise);
  }
  await Promise.all(inFlight);
  return { seconds: (performance.now() - started) / 1000, lateStarts };
}

/** Keeps `inFlight` sends going until `count` are done (closed loop). */
export async function saturate(count: number, inFlight: number, makeSend: (index: number) => Send): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await makeSend(next++)();
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

export async function drain(deadlineMs: number) {
  const until = performance.now() + deadlineMs;
  while (performance.now() < until && run.tracker.outstanding() > 0) await new Promise((resolve) => setTimeout(resolve, 50));
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export function stats(values: number[]) {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  const round = (value: number) => Math.round(value * 10) / 10;
  return { p50: round(percentile(list, 50)), p95: round(percentile(list, 95)), p99: round(percentile(list, 99)), max: round(list.at(-1) ?? 0) };
}
