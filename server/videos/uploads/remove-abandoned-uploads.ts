import { env } from "@/server/env";
import type { Db } from "@/server/platform/db";
import type { ObjectStore } from "@/server/platform/storage";
import { removeVideoFiles } from "../delete-video";

/** Videos looked at per run; the next run takes the rest. */
const BATCH = 200;

/**
 * Removes uploads nobody finished: a video still "uploading" whose last chunk
 * arrived more than VIDEO_ABANDONED_UPLOAD_HOURS ago (its creation when none
 * came). Within that time tus-js-client resumes it (a reload, a dropped
 * connection), so a slow upload still being sent is kept whatever its age.
 * Both times are in the row, so any worker sees what every web instance
 * received. The row goes first, only while it is still abandoned (a chunk or
 * the finish arriving meanwhile wins), then its files and parts, as "delete
 * video" does. Answers how many were removed.
 */
export async function removeAbandonedUploads({ db, storage }: { db: Db; storage: Pick<ObjectStore, "listObjects" | "deleteObject"> }): Promise<number> {
  const cutoff = new Date(Date.now() - env.VIDEO_ABANDONED_UPLOAD_HOURS * 3600 * 1000);
  const abandoned = { status: "uploading" as const, createdAt: { lt: cutoff }, OR: [{ lastChunkAt: null }, { lastChunkAt: { lt: cutoff } }] };
  const candidates = await db.video.findMany({ where: abandoned, orderBy: { createdAt: "asc" }, take: BATCH, select: { id: true } });
  let removed = 0;
  for (const { id } of candidates) {
    const { count } = await db.video.deleteMany({ where: { id, ...abandoned } });
    if (count === 0) continue;
    await removeVideoFiles(storage, id);
    removed++;
  }
  return removed;
}
