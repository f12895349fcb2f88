import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Redis } from "ioredis";
import type { Db } from "@/server/platform/db";
import { forgetApiKey } from "./authenticate-api-key";
import type { ApiKeyView } from "./list-api-keys";

export const RevokeApiKeyInput = z.object({ id: z.string().min(1).max(64) });

/** A revoked key stops working at once on every instance (see authenticate-api-key.ts). */
export async function revokeApiKey({ db, redis, userId, id }: { db: Db; redis: Redis; userId: string; id: string }): Promise<ApiKeyView> {
  const key = await db.apiKey.findUnique({ where: { id } });
  if (!key || key.userId !== userId) throw new AppError("NOT_FOUND", "There is no such API key.");
  const row = key.revokedAt ? key : await db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
  await forgetApiKey(redis, row.keyHash);
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt };
}
