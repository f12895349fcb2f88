import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { checkHealth } from "@/server/platform/health";
import { probeRealtime } from "@/server/platform/realtime";
import { redis } from "@/server/platform/redis";
import { readGivenUpProcesses } from "@/server/platform/supervisor-status";
import { json, type Answer } from "./answer";

/**
 * GET /api/health: 200 when every part answers its probe, 503 naming what is
 * down (and the processes npm start's supervisor gave up on). A row of the
 * route table answered before Next: a restarted web process reports itself
 * healthy as soon as it listens, while Next finishes preparing (requests for
 * it wait, they are not refused; server/web/main.ts).
 */
export async function healthRoute(): Promise<Answer> {
  const report = await checkHealth({ db, redis, probeRealtime, readGivenUpProcesses: () => readGivenUpProcesses(env.DATA_DIR) });
  return json(report.status === "ok" ? 200 : 503, report);
}
