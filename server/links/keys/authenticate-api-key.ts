import type { Redis } from "ioredis";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { hashApiKey, looksLikeApiKey } from "./api-keys";

export type ApiCaller = { keyId: string; userId: string };

/** lastUsedAt is a hint for the settings page: written at most once a minute per key, not on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;
const log = logger.child({ module: "links-api-keys" });

/**
 * Valid keys are remembered in Redis for a few minutes, sparing a Postgres
 * query on most calls of a busy client. The cache is shared by every web
 * instance (and by the Next bundle and the fast listener inside one process,
 * which hold separate module copies), so revoking a key deletes its entry and
 * the key stops working everywhere at once. Unknown and revoked keys are never cached.
 */
const KEY_CACHE_TTL_SECONDS = 300;
type CachedKey = { id: string; userId: string; lastUsedAt: string | null };
const cacheKeyOf = (keyHash: string) => `casebook:links:api-key:${keyHash}`;

export async function forgetApiKey(redis: Redis, keyHash: string): Promise<void> {
  await redis.del(cacheKeyOf(keyHash));
}

/**
 * Reads `Authorization: Bearer <key>`. No header: null (an anonymous caller).
 * A header with a malformed, unknown or revoked key: UNAUTHORIZED — a caller
 * who meant to authenticate is never silently treated as anonymous.
 */
export async function authenticateApiKey({
  db,
  redis,
  authorization,
}: {
  db: Db;
  redis: Redis;
  authorization: string | null;
}): Promise<ApiCaller | null> {
  if (authorization === null || authorization.trim() === "") return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const key = match?.[1];
  if (!key || !looksLikeApiKey(key)) throw new AppError("UNAUTHORIZED", "The Authorization header must be 'Bearer <API key>'.");
  const keyHash = hashApiKey(key);
  const cacheKey = cacheKeyOf(keyHash);
  const cached = await redis.get(cacheKey);
  let row: CachedKey;
  if (cached) {
    row = JSON.parse(cached) as CachedKey;
  } else {
    const found = await db.apiKey.findUnique({ where: { keyHash }, select: { id: true, userId: true, revokedAt: true, lastUsedAt: true } });
    if (!found || found.revokedAt) throw new AppError("UNAUTHORIZED", "This API key is not valid or has been revoked.");
    row = { id: found.id, userId: found.userId, lastUsedAt: found.lastUsedAt?.toISOString() ?? null };
  }
  const now = new Date();
  const stale = !row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > LAST_USED_RESOLUTION_MS;
  if (stale) {
    row.lastUsedAt = now.toISOString();
    db.apiKey
      .update({ where: { id: row.id }, data: { lastUsedAt: now } })
      .catch((error: unknown) => log.warn({ err: String(error) }, "could not record API key use"));
  }
  if (!cached || stale) await redis.set(cacheKey, JSON.stringify(row), "EX", KEY_CACHE_TTL_SECONDS);
  return { keyId: row.id, userId: row.userId };
}
