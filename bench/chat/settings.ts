import { randomUUID } from "node:crypto";

/** Sizes and timings of bench:chat (`--quick` for the small run, `--rate=N` for the offered rate). */
export const quick = process.argv.includes("--quick");
const rateArg = process.argv.find((arg) => arg.startsWith("--rate="));
export const CLIENTS = quick ? 200 : 1_000;
export const CONVERSATIONS = quick ? 40 : 200;
export const MESSAGES = quick ? 1_500 : 20_000;
/** Offered rate of the fixed-rate phase (messages/s), where p99 is judged. */
export const RATE = rateArg ? Number(rateArg.slice("--rate=".length)) : 100;
export const WARMUP_MESSAGES = quick ? 200 : 1_000;
/** Messages of the closed-loop phase: in the full run enough to hold the highest rate for over 15 s. */
export const SATURATION_MESSAGES = quick ? 600 : 20_000;
export const SATURATION_IN_FLIGHT = 32;
export const BIG_GROUP_SIZE = 50;
/** Messages of the restart phase (sent at RATE while the gateway stops and starts again). */
export const RESTART_MESSAGES = quick ? 400 : 3_000;
/** How long every client may take to reconnect and re-subscribe after the restart. */
export const RECONNECT_LIMIT_MS = quick ? 20_000 : 60_000;
/** How long after the last send a missing receipt still counts as late rather than lost. */
export const DRAIN_MS = quick ? 5_000 : 10_000;
/** Hard stop for the whole run, whatever happens (a safety net: a quick run takes under a minute on an idle machine). */
export const HARD_LIMIT_MS = quick ? 180_000 : 15 * 60_000;
export const runId = randomUUID().slice(0, 8);
const t0 = Date.now();
export const log = (line: string) => console.log(line.startsWith("  ") ? line : `[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${line}`);

export const app = {
  id: process.env.PUSHER_APP_ID ?? "casebook",
  key: process.env.PUSHER_APP_KEY ?? "casebook-key",
};

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
