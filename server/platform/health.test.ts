import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "./db";
import { checkHealth } from "./health";
import { redis } from "./redis";
import { beatWorkerHeartbeat, clearWorkerHeartbeat } from "./worker-heartbeat";

const workerId = `health-test-${randomUUID()}`;
const realtimeUp = async () => {};
const realtimeDown = async () => {
  throw new Error("gateway refused the connection");
};

describe("checkHealth", () => {
  beforeAll(() => beatWorkerHeartbeat(redis, workerId));
  afterAll(() => clearWorkerHeartbeat(redis, workerId));

  it("reports ok when every part answers its probe", async () => {
    expect(await checkHealth({ db, redis, probeRealtime: realtimeUp })).toEqual({
      status: "ok",
      postgres: "ok",
      redis: "ok",
      realtime: "ok",
      worker: "ok",
    });
  });

  it("names the realtime gateway when it is down", async () => {
    const report = await checkHealth({ db, redis, probeRealtime: realtimeDown });
    expect(report).toMatchObject({ status: "degraded", realtime: "down", postgres: "ok", redis: "ok" });
  });

  it("names Redis (and the worker, whose heartbeat lives there) when Redis is unreachable", async () => {
    const unreachable = new Redis("redis://127.0.0.1:1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    unreachable.on("error", () => undefined); // the probe reports it
    try {
      const report = await checkHealth({ db, redis: unreachable, probeRealtime: realtimeUp });
      expect(report).toMatchObject({ status: "degraded", redis: "down", worker: "down", postgres: "ok" });
    } finally {
      unreachable.disconnect();
    }
  });

  it("names the processes npm start's supervisor gave up on, and is degraded then", async () => {
    const report = await checkHealth({ db, redis, probeRealtime: realtimeUp, readGivenUpProcesses: async () => ["worker"] });
    expect(report).toEqual({ status: "degraded", postgres: "ok", redis: "ok", realtime: "ok", worker: "ok", notRestarted: ["worker"] });
    const none = await checkHealth({ db, redis, probeRealtime: realtimeUp, readGivenUpProcesses: async () => [] });
    expect(none).toEqual({ status: "ok", postgres: "ok", redis: "ok", realtime: "ok", worker: "ok" });
  });

  it("reports the worker down when no heartbeat is fresh", async () => {
    await clearWorkerHeartbeat(redis, workerId);
    const isolated = new Redis(process.env.REDIS_URL ?? "", { db: 7 });
    try {
      const report = await checkHealth({ db, redis: isolated, probeRealtime: realtimeUp });
      expect(report).toMatchObject({ status: "degraded", worker: "down", redis: "ok" });
    } finally {
      isolated.disconnect();
      await beatWorkerHeartbeat(redis, workerId);
    }
  });
});
