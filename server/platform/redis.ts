import "server-only";
import { Redis, type RedisOptions } from "ioredis";
import { env } from "@/server/env";
import { logger } from "./logger";

export type { Redis };

const log = logger.child({ module: "redis" });

/**
 * Fails commands fast while Redis is away (a queued command gives up after one
 * reconnect attempt, so requests answer 503 instead of hanging) and keeps
 * reconnecting in the background, so service resumes by itself.
 */
const RESILIENT: RedisOptions = {
  maxRetriesPerRequest: 1,
  connectTimeout: 3_000,
  retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
};

export function createRedis(options: RedisOptions = {}): Redis {
  const client = new Redis(env.REDIS_URL, { ...RESILIENT, ...options });
  client.on("error", (error: Error) => log.warn({ err: error.message }, "redis connection error"));
  return client;
}

const holder = globalThis as typeof globalThis & { casebookRedis?: Redis };
// Lazy: connects at its first command, so merely importing a module (`next build` collecting page data,
// a bench importing an operation) does not dial Redis and log connection errors.
export const redis: Redis = holder.casebookRedis ?? createRedis({ lazyConnect: true });
if (env.NODE_ENV !== "production") holder.casebookRedis = redis;
