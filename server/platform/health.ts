import "server-only";
import type { Redis } from "ioredis";
import type { Db } from "./db";
import { countLiveWorkers } from "./worker-heartbeat";

export type PartStatus = "ok" | "down";
/**
 * `notRestarted` appears only when `npm start`'s supervisor has given up on a
 * process (it crashed too often): those processes are named, and the status
 * is "degraded" even if the rest answers.
 */
export type HealthReport = { status: "ok" | "degraded"; notRestarted?: string[] } & Record<HealthPart, PartStatus>;
type HealthPart = "postgres" | "redis" | "realtime" | "worker" | "storage";

const PROBE_TIMEOUT_MS = 2_000;

/** Probes every part for real; a part that fails or stalls past the timeout is "down". */
export async function checkHealth(deps: {
  db: Db;
  redis: Redis;
  probeRealtime: () => Promise<void>;
  /** server/platform/storage-probe.ts */
  probeStorage: () => Promise<void>;
  /** Processes the supervisor stopped restarting (server/platform/supervisor-status.ts). */
  readGivenUpProcesses?: () => Promise<string[]>;
}): Promise<HealthReport> {
  const probes: Record<HealthPart, () => Promise<unknown>> = {
    postgres: () => deps.db.$queryRaw`select 1`,
    redis: async () => {
      if ((await deps.redis.ping()) !== "PONG") throw new Error("unexpected PING reply");
    },
    realtime: deps.probeRealtime,
    worker: async () => {
      if ((await countLiveWorkers(deps.redis)) === 0) throw new Error("no worker heartbeat");
    },
    storage: deps.probeStorage,
  };
  const parts = Object.keys(probes) as HealthPart[];
  const [results, givenUp] = await Promise.all([
    Promise.all(parts.map((part) => answersInTime(probes[part]()))),
    deps.readGivenUpProcesses?.().catch(() => []) ?? [],
  ]);
  const report = Object.fromEntries(parts.map((part, index) => [part, results[index] ? "ok" : "down"])) as Record<HealthPart, PartStatus>;
  const allOk = Object.values(report).every((status) => status === "ok") && givenUp.length === 0;
  return { status: allOk ? "ok" : "degraded", ...report, ...(givenUp.length > 0 ? { notRestarted: givenUp } : {}) };
}

/** Whether `probe` settles successfully within `timeoutMs` (by default the health probes' 2 s). */
export async function answersInTime(probe: Promise<unknown>, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([probe.then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
