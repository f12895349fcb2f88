import type { Db } from "@/server/platform/db";
import { getOwnedLinkOrThrow } from "./get-owned-link-or-throw";
import type { LinkCache } from "../redirect/link-cache";

/**
 * Deletes the link with its clicks and rollups (hard delete, so the code or
 * alias can be taken again). Every instance answers 404 for it within a
 * second: the Redis entry is removed and a pub/sub message clears each LRU.
 */
export async function deleteLink({ db, cache, ownerId, code }: { db: Db; cache: LinkCache; ownerId: string; code: string }): Promise<void> {
  const link = await getOwnedLinkOrThrow({ db, ownerId, code });
  await db.link.delete({ where: { id: link.id } });
  await cache.invalidate(code);
}
