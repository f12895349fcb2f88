import type { Db } from "@/server/platform/db";

export type ApiKeyView = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

/** The user's keys, newest first, revoked ones included (marked by revokedAt). */
export async function listApiKeys({ db, userId }: { db: Db; userId: string }): Promise<ApiKeyView[]> {
  return db.apiKey.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
