import type { Db } from "@/server/platform/db";
import { enqueue } from "@/server/platform/queue";

/** Attempts of one transcoding job; a worker killed mid-job counts as one (BullMQ's stalled-job check). */
export const TRANSCODE_ATTEMPTS = 3;

/**
 * The last byte of an upload arrived: the video becomes "processing" and its
 * transcoding job is queued, which first stitches the stored parts into the
 * source (uploads/stitch-upload.ts). Nothing here reads the file, so the web
 * request that took the last byte ends at once however large the upload.
 *
 * Idempotent: only a video still "uploading" moves. A video found
 * "processing" (a client retrying the last PATCH, or its HEAD on resuming)
 * has its job queued again, which costs nothing when it is queued already
 * (the job id is the video id) and rescues a finish whose process died
 * between the two steps; the job does nothing for a video no longer
 * "processing".
 */
export async function finishVideoUpload({ db, videoId }: { db: Db; videoId: string }): Promise<void> {
  const { count } = await db.video.updateMany({ where: { id: videoId, status: "uploading" }, data: { status: "processing", progress: 0 } });
  if (count === 0 && (await db.video.count({ where: { id: videoId, status: "processing" } })) === 0) return;
  await queueTranscode(videoId);
}

/** Queues a stored video's transcoding job; the job id is the video id, so a job already waiting is not doubled. */
export async function queueTranscode(videoId: string): Promise<void> {
  await enqueue("transcode-video", { videoId }, { jobId: videoId, attempts: TRANSCODE_ATTEMPTS, backoff: { type: "exponential", delay: 5_000 } });
}
