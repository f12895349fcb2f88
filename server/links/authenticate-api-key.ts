import { LRUCache } from "lru-cache";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { hashApiKey, looksLikeApiKey } from "./api-keys";

export type ApiCaller = { keyId: string; userId: string };

/** lastUsedAt is a hint for the settings page: written at most once a minute per key, not on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;
const log = logger.child({ module: "links-api-keys" });

/**
 * Valid keys are remembered for a few seconds, sparing a Postgres query on
 * most calls of a busy client. The price: a revoked key keeps working on
 * other web instances for up to KEY_CACHE_TTL_MS (this instance forgets it at
 * once, see forgetApiKey). Unknown and revoked keys are never cached.
 */
const KEY_CACHE_TTL_MS = 5_000;
type CachedKey = { id: string; userId: string; lastUsedAt: Date | null };
const recentKeys = new LRUCache<string, CachedKey>({ max: 10_000, ttl: KEY_CACHE_TTL_MS });

export function forgetApiKey(keyHash: string): void {
  recentKeys.delete(keyHash);
}

/**
 * Reads `Authorization: Bearer <key>`. No header: null (an anonymous caller).
 * A header with a malformed, unknown or revoked key: UNAUTHORIZED — a caller
 * who meant to authenticate is never silently treated as anonymous.
 */
export async function authenticateApiKey({ db, authorization }: { db: Db; authorization: string | null }): Promise<ApiCaller | null> {
  if (authorization === null || authorization.trim() === "") return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const key = match?.[1];
  if (!key || !looksLikeApiKey(key)) throw new AppError("UNAUTHORIZED", "The Authorization header must be 'Bearer <API key>'.");
  const keyHash = hashApiKey(key);
  let row: CachedKey | undefined = recentKeys.get(keyHash);
  if (!row) {
    const found = await db.apiKey.findUnique({ where: { keyHash }, select: { id: true, userId: true, revokedAt: true, lastUsedAt: true } });
    if (!found || found.revokedAt) throw new AppError("UNAUTHORIZED", "This API key is not valid or has been revoked.");
    row = { id: found.id, userId: found.userId, lastUsedAt: found.lastUsedAt };
    recentKeys.set(keyHash, row);
  }
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    row.lastUsedAt = new Date();
    db.apiKey
      .update({ where: { id: row.id }, data: { lastUsedAt: new Date() } })
      .catch((error: unknown) => log.warn({ err: String(error) }, "could not record API key use"));
  }
  return { keyId: row.id, userId: row.userId };
}
