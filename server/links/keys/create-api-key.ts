import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { generateApiKey } from "./api-keys";
import type { ApiKeyView } from "./list-api-keys";

export const CreateApiKeyInput = z.object({ name: z.string().trim().min(1, "Please name the key.").max(100) });

const MAX_ACTIVE_KEYS = 25;

/** Creates a key for `userId`. The returned `key` is the only time it is ever shown; only its hash is kept. */
export async function createApiKey({ db, userId, name }: { db: Db; userId: string; name: string }): Promise<ApiKeyView & { key: string }> {
  const active = await db.apiKey.count({ where: { userId, revokedAt: null } });
  if (active >= MAX_ACTIVE_KEYS) throw new AppError("CONFLICT", `You can have at most ${MAX_ACTIVE_KEYS} active keys. Revoke one first.`);
  const { key, keyHash, prefix } = generateApiKey();
  const row = await db.apiKey.create({ data: { userId, name: name.trim(), keyHash, prefix } });
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, lastUsedAt: null, revokedAt: null, key };
}
