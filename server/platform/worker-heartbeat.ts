import "server-only";
import type { Redis } from "ioredis";

const KEY_PREFIX = "casebook:worker:heartbeat:";
const TTL_SECONDS = 15;
export const HEARTBEAT_INTERVAL_MS = 5_000;

/** Each worker refreshes its own key; a dead worker's key expires, so no cleanup is needed. */
export async function beatWorkerHeartbeat(redis: Redis, workerId: string): Promise<void> {
  await redis.set(`${KEY_PREFIX}${workerId}`, String(Date.now()), "EX", TTL_SECONDS);
}

export async function clearWorkerHeartbeat(redis: Redis, workerId: string): Promise<void> {
  await redis.del(`${KEY_PREFIX}${workerId}`);
}

export async function countLiveWorkers(redis: Redis): Promise<number> {
  let count = 0;
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${KEY_PREFIX}*`, "COUNT", 100);
    count += keys.length;
    cursor = next;
  } while (cursor !== "0");
  return count;
}
