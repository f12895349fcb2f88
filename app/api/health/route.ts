import { env } from "@/server/env";
import { checkHealth } from "@/server/platform/health";
import { db } from "@/server/platform/db";
import { probeRealtime } from "@/server/platform/realtime";
import { redis } from "@/server/platform/redis";
import { readGivenUpProcesses } from "@/server/platform/supervisor-status";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth({ db, redis, probeRealtime, readGivenUpProcesses: () => readGivenUpProcesses(env.DATA_DIR) });
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
