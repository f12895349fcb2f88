import { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import type { ObjectStore } from "@/server/platform/storage";
import { PENDING_IMAGE_TTL_MS } from "./post-image-limits";

/** Rows deleted per statement: a sweep after a long outage works through the backlog without one huge delete. */
const SWEEP_BATCH = 500;

const log = logger.child({ module: "feed-images" });

/**
 * Removes pictures left unposted for PENDING_IMAGE_TTL_MS, rows then files:
 * one uploader's (before their next upload, so stale ones never count against
 * their limit) or everyone's (the hourly "feed-unposted-image-sweep" job, so
 * nobody's abandoned pictures wait for an upload that never comes).
 *
 * The row goes first, by a DELETE that re-checks `postId IS NULL` under the
 * row's lock: a picture a post takes meanwhile stays, files and all. A file
 * whose delete fails is logged and left (its row is gone, nothing links to it).
 * Answers how many pictures went.
 */
export async function removeUnpostedImages({
  db,
  storage,
  uploaderId,
  now = new Date(),
}: {
  db: Db;
  storage: Pick<ObjectStore, "deleteObject">;
  uploaderId?: string;
  now?: Date;
}): Promise<number> {
  const cutoff = new Date(now.getTime() - PENDING_IMAGE_TTL_MS);
  const ofUploader = uploaderId === undefined ? Prisma.empty : Prisma.sql`AND "uploaderId" = ${uploaderId}`;
  let removed = 0;
  for (;;) {
    const rows = await db.$queryRaw<Array<{ key: string }>>`
      DELETE FROM "feed_post_image"
       WHERE "id" IN (SELECT "id" FROM "feed_post_image" WHERE "postId" IS NULL AND "createdAt" < ${cutoff} ${ofUploader} LIMIT ${SWEEP_BATCH})
         AND "postId" IS NULL
      RETURNING "key"`;
    for (const { key } of rows) {
      await storage.deleteObject(key).catch((error: unknown) => log.warn({ key, err: error instanceof Error ? error.message : String(error) }, "could not delete an unposted picture's file"));
    }
    removed += rows.length;
    if (rows.length < SWEEP_BATCH) return removed;
  }
}
