import fs from "node:fs/promises";
import { env } from "@/server/env";
import type { Db } from "@/server/platform/db";
import type { ObjectStore } from "@/server/platform/storage";
import { removeVideoFiles, uploadScratchFile } from "../delete-video";

/** Videos looked at per run; the next run takes the rest. */
const BATCH = 200;

/**
 * Removes uploads nobody finished: a video still "uploading" whose last byte
 * arrived more than VIDEO_ABANDONED_UPLOAD_HOURS ago (the tus scratch file's
 * modification time; its creation when no byte came). Within that time
 * tus-js-client resumes it (a reload, a dropped connection), so a slow upload
 * still being sent is kept whatever its age. The row goes first, only while
 * it is still "uploading" (a PATCH finishing it meanwhile wins), then its
 * files, as "delete video" does. Answers how many were removed.
 */
export async function removeAbandonedUploads({ db, storage }: { db: Db; storage: Pick<ObjectStore, "listObjects" | "deleteObject"> }): Promise<number> {
  const cutoff = new Date(Date.now() - env.VIDEO_ABANDONED_UPLOAD_HOURS * 3600 * 1000);
  const candidates = await db.video.findMany({ where: { status: "uploading", createdAt: { lt: cutoff } }, orderBy: { createdAt: "asc" }, take: BATCH, select: { id: true } });
  let removed = 0;
  for (const { id } of candidates) {
    const lastByte = await fs.stat(uploadScratchFile(id)).then(
      (stat) => stat.mtime,
      () => null, // no byte ever arrived: the row's age decides
    );
    if (lastByte && lastByte >= cutoff) continue;
    const { count } = await db.video.deleteMany({ where: { id, status: "uploading" } });
    if (count === 0) continue;
    await removeVideoFiles(storage, id);
    removed++;
  }
  return removed;
}
