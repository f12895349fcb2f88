import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeEverything, startGateway, type TestGateway } from "@/server/realtime/gateway/gateway-test-kit";
import type { Db } from "./db";

/**
 * GET /api/health through its route handler, with the clients the app builds
 * from its environment (as a deployment does), one part at a time pointed at
 * something that is not there: nothing listens on port 1 of this machine.
 */

// A Redis database of this file's own: other files' workers beat their heartbeats into database 0.
const redisUrl = `${process.env.REDIS_URL}/11`;
const workerId = `health-route-${randomUUID()}`;
let gateway: TestGateway;
let heartbeats: Redis;
/** The app's Prisma client for the run's Postgres, warmed once: a fresh client's first query can outlast the 2 s probe on a loaded machine. */
let upDb: Db;
// db.ts and redis.ts keep their clients here outside production, so a reloaded app would reuse them.
const holder = globalThis as { casebookDb?: Db; casebookRedis?: unknown };

beforeAll(async () => {
  gateway = await startGateway();
  heartbeats = new Redis(redisUrl);
  upDb = (await import("./db")).db;
  await upDb.$queryRaw`select 1`;
});

afterAll(async () => {
  heartbeats.disconnect();
  await upDb.$disconnect();
  await closeEverything();
});

type Report = { status: string; postgres: string; redis: string; realtime: string; worker: string; storage: string };

/** The route's answer with every part up, except what `overrides` points elsewhere. */
async function health(overrides: Record<string, string>, { workerBeating = true } = {}): Promise<{ status: number; report: Report }> {
  Object.assign(process.env, {
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: redisUrl,
    PUSHER_APP_ID: gateway.app.id,
    PUSHER_APP_KEY: gateway.app.key,
    PUSHER_APP_SECRET: gateway.app.secret,
    PUSHER_HOST: "127.0.0.1",
    PUSHER_PORT: String(gateway.gateway.port),
    ...overrides,
  });
  const { beatWorkerHeartbeat, clearWorkerHeartbeat } = await import("./worker-heartbeat");
  if (workerBeating) await beatWorkerHeartbeat(heartbeats, workerId);
  else await clearWorkerHeartbeat(heartbeats, workerId);

  // A fresh app for these settings (env.ts reads them once), with new clients for what they change.
  vi.resetModules();
  holder.casebookDb = overrides.DATABASE_URL ? undefined : upDb;
  holder.casebookRedis = undefined;
  const { GET } = await import("@/app/api/health/route");
  const { db } = await import("./db");
  const { redis } = await import("./redis");
  try {
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.headers.get("cache-control")).toBe("no-store");
    return { status: response.status, report: (await response.json()) as Report };
  } finally {
    redis.disconnect();
    if (db !== upDb) await db.$disconnect();
  }
}

describe("GET /api/health", () => {
  it("answers 200 and ok for every part when all are up", async () => {
    expect(await health({})).toEqual({ status: 200, report: { status: "ok", postgres: "ok", redis: "ok", realtime: "ok", worker: "ok", storage: "ok" } });
  });

  it("answers 503 naming Postgres when the database is unreachable", async () => {
    const { status, report } = await health({ DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:1/casebook" });
    expect(status).toBe(503);
    expect(report).toEqual({ status: "degraded", postgres: "down", redis: "ok", realtime: "ok", worker: "ok", storage: "ok" });
  });

  it("answers 503 naming Redis, and the worker whose heartbeat lives there, when Redis is unreachable", async () => {
    const { status, report } = await health({ REDIS_URL: "redis://127.0.0.1:1" });
    expect(status).toBe(503);
    expect(report).toEqual({ status: "degraded", postgres: "ok", redis: "down", realtime: "ok", worker: "down", storage: "ok" });
  });

  it("answers 503 naming the realtime gateway when it is unreachable", async () => {
    const { status, report } = await health({ PUSHER_PORT: "1" });
    expect(status).toBe(503);
    expect(report).toEqual({ status: "degraded", postgres: "ok", redis: "ok", realtime: "down", worker: "ok", storage: "ok" });
  });

  it("answers 503 naming the worker when no worker heartbeat is fresh", async () => {
    const { status, report } = await health({}, { workerBeating: false });
    expect(status).toBe(503);
    expect(report).toEqual({ status: "degraded", postgres: "ok", redis: "ok", realtime: "ok", worker: "down", storage: "ok" });
  });

  it("answers 503 naming storage when the configured S3 bucket is unreachable", async () => {
    const s3 = { S3_BUCKET: "casebook", S3_ENDPOINT: "http://127.0.0.1:1", S3_ACCESS_KEY_ID: "health-test", S3_SECRET_ACCESS_KEY: "health-test", S3_FORCE_PATH_STYLE: "true" };
    try {
      const { status, report } = await health(s3);
      expect(status).toBe(503);
      expect(report).toEqual({ status: "degraded", postgres: "ok", redis: "ok", realtime: "ok", worker: "ok", storage: "down" });
    } finally {
      for (const name of Object.keys(s3)) delete process.env[name];
    }
  });
});
