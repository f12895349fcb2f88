import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "./db";
import { checkHealth } from "./health";
import { createLocalDiskStore } from "./local-disk-store";
import { createStorageProbe } from "./storage-probe";
import { redis } from "./redis";
import { beatWorkerHeartbeat, clearWorkerHeartbeat } from "./worker-heartbeat";

const workerId = `health-test-${randomUUID()}`;
const realtimeUp = async () => {};
const probeStorage = createStorageProbe(createLocalDiskStore(path.join(os.tmpdir(), `health-test-${randomUUID()}`)), 0);
const realtimeDown = async () => {
  throw new Error("gateway refused the connection");
};

describe("checkHealth", () => {
  beforeAll(() => beatWorkerHeartbeat(redis, workerId));
  afterAll(() => clearWorkerHeartbeat(redis, workerId));

  it("reports ok when every part answers its probe", async () => {
    expect(await checkHealth({ db, redis, probeRealtime: realtimeUp, probeStorage })).toEqual({
      status: "ok",
      postgres: "ok",
      redis: "ok",
      realtime: "ok",
      worker: "ok",
      storage: "ok",
    });
  });

  it("names the realtime gateway when it is down", async () => {
    const report = await checkHealth({ db, redis, probeRealtime: realtimeDown, probeStorage });
    expect(report).toMatchObject({ status: "degraded", realtime: "down", postgres: "ok", redis: "ok" });
  });

  it("names Redis (and the worker, whose heartbeat lives there) when Redis is unreachable", async () => {
    const unreachable = new Redis("redis://127.0.0.1:1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    unreachable.on("error", () => undefined); // the probe reports it
    try {
      const report = await checkHealth({ db, redis: unreachable, probeRealtime: realtimeUp, probeStorage });
      expect(report).toMatchObject({ status: "degraded", redis: "down", worker: "down", postgres: "ok" });
    } finally {
      unreachable.disconnect();
    }
  });

  it("names the processes npm start's supervisor gave up on, and is degraded then", async () => {
    const report = await checkHealth({ db, redis, probeRealtime: realtimeUp, probeStorage, readGivenUpProcesses: async () => ["worker"] });
    expect(report).toEqual({ status: "degraded", postgres: "ok", redis: "ok", realtime: "ok", worker: "ok", storage: "ok", notRestarted: ["worker"] });
    const none = await checkHealth({ db, redis, probeRealtime: realtimeUp, probeStorage, readGivenUpProcesses: async () => [] });
    expect(none).toEqual({ status: "ok", postgres: "ok", redis: "ok", realtime: "ok", worker: "ok", storage: "ok" });
  });

  it("reports the worker down when no heartbeat is fresh", async () => {
    await clearWorkerHeartbeat(redis, workerId);
    const isolated = new Redis(process.env.REDIS_URL ?? "", { db: 7 });
    try {
      const report = await checkHealth({ db, redis: isolated, probeRealtime: realtimeUp, probeStorage });
      expect(report).toMatchObject({ status: "degraded", worker: "down", redis: "ok" });
    } finally {
      isolated.disconnect();
      await beatWorkerHeartbeat(redis, workerId);
    }
  });

  it("names storage when the store cannot be written", async () => {
    // A store whose directory is a file: every write to it fails, as on a lost disk.
    const file = path.join(os.tmpdir(), `health-test-file-${randomUUID()}`);
    await fs.writeFile(file, "not a directory");
    try {
      const report = await checkHealth({ db, redis, probeRealtime: realtimeUp, probeStorage: createStorageProbe(createLocalDiskStore(file), 0) });
      expect(report).toMatchObject({ status: "degraded", storage: "down", postgres: "ok", redis: "ok" });
    } finally {
      await fs.rm(file, { force: true });
    }
  });
});
