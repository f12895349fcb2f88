import { Worker } from "bullmq";
import { afterAll, beforeAll } from "vitest";
import { createTestUser } from "@/server/accounts/test-users";
import { processors } from "@/server/jobs/processors";
import type { SessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { JOB_PREFIX } from "@/server/platform/queue";
import { createRedis, redis } from "@/server/platform/redis";
import type { LatLng } from "./demo-city/geo";

/**
 * Fixtures for the Rides tests (real Postgres and Redis from Vitest's global
 * setup). The driver index is one set of Redis keys for the whole run, so each
 * test works in a city of its own: a random spot on Earth, far from the others.
 */

export function sessionUserOf(row: { id: string; name: string; email: string; username: string | null }, role = "user"): SessionUser {
  return { id: row.id, name: row.name, email: row.email, username: row.username, image: null, role };
}

export async function rider(name = "Rider"): Promise<SessionUser> {
  return sessionUserOf(await createTestUser(db, { name }));
}

/** A registered driver (profile with a car), rated `rating` over 10 trips when given. */
export async function driver(options: { name?: string; rating?: number; acceptanceRate?: number } = {}): Promise<SessionUser> {
  const row = await createTestUser(db, { name: options.name ?? "Driver" });
  await db.user.update({ where: { id: row.id }, data: { role: "driver" } });
  await db.driverProfile.create({
    data: {
      userId: row.id,
      carMake: "Toyota",
      carModel: "Prius",
      carColor: "Silver",
      plate: `T-${row.id.slice(0, 6).toUpperCase()}`,
      ...(options.rating === undefined ? {} : { ratingSum: Math.round(options.rating * 10), ratingCount: 10 }),
      ...(options.acceptanceRate === undefined ? {} : { offersMade: 10, offersAccepted: Math.round(options.acceptanceRate * 10) }),
    },
  });
  return sessionUserOf(row, "driver");
}

/** A random city centre, between ±60° latitude, not near any other test's. */
export function randomCity(): LatLng {
  return { lat: -60 + Math.random() * 120, lng: -179 + Math.random() * 358 };
}

/** The point `north` and `east` metres from `from`. */
export function offset(from: LatLng, north: number, east: number): LatLng {
  const metersPerDegree = 111_195;
  return { lat: from.lat + north / metersPerDegree, lng: from.lng + east / (metersPerDegree * Math.cos((from.lat * Math.PI) / 180)) };
}

/** Runs the real Rides queues for the test file's lifetime, and closes the file's Redis and Postgres connections after it. */
export function runRidesWorkersForThisFile(): void {
  let workers: { close: () => Promise<void> } | undefined;
  beforeAll(() => {
    workers = startRidesWorkers();
  });
  afterAll(async () => {
    await workers?.close();
    redis.disconnect();
    await db.$disconnect();
  });
}

/** Runs the real Rides queues the way the worker does (matching.test.ts checks what they do). */
function startRidesWorkers(): { close: () => Promise<void> } {
  const connection = createRedis({ maxRetriesPerRequest: null });
  const workers = [
    new Worker<{ tripId: string }>("rides-match", async (job) => processors["rides-match"](job.data, job), { connection, prefix: JOB_PREFIX }),
    new Worker<{ offerId: string }>("rides-offer-expiry", async (job) => processors["rides-offer-expiry"](job.data, job), { connection, prefix: JOB_PREFIX }),
  ];
  return {
    close: async () => {
      await Promise.all(workers.map((worker) => worker.close()));
      connection.disconnect();
    },
  };
}
