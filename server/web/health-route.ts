import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { checkHealth } from "@/server/platform/health";
import { probeRealtime } from "@/server/platform/realtime";
import { redis } from "@/server/platform/redis";
import { storage } from "@/server/platform/storage";
import { createStorageProbe } from "@/server/platform/storage-probe";
import { readGivenUpProcesses } from "@/server/platform/supervisor-status";
import { json, type Answer } from "./answer";
import { isNextReady } from "./next-readiness";

const probeStorage = createStorageProbe(storage);

/**
 * GET /api/health: 200 when every part answers its probe, 503 naming what is
 * down (and the processes npm start's supervisor gave up on). A row of the
 * route table answered before Next, so the probe itself needs nothing of
 * Next's; while the web process is still preparing Next it answers 503
 * "starting" (server/web/next-readiness.ts).
 */
export async function healthRoute(): Promise<Answer> {
  if (!isNextReady()) return json(503, { status: "starting" }, { "Retry-After": "1" });
  const report = await checkHealth({ db, redis, probeRealtime, probeStorage, readGivenUpProcesses: () => readGivenUpProcesses(env.DATA_DIR) });
  return json(report.status === "ok" ? 200 : 503, report);
}
