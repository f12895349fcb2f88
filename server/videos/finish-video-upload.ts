import type { Readable } from "node:stream";
import type { Db } from "@/server/platform/db";
import { enqueue } from "@/server/platform/queue";
import type { ObjectStore } from "@/server/platform/storage";
import { sourceKey } from "./video-files";

/** Attempts of one transcoding job; a worker killed mid-job counts as one (BullMQ's stalled-job check). */
export const TRANSCODE_ATTEMPTS = 3;

/**
 * The last byte of an upload arrived: `file` (the upload's stored parts, read
 * in order) is stored as the source, the video becomes "processing" and its
 * transcoding job is queued. A video past "uploading" is finished already (a
 * client retrying the last PATCH): `file` is left unread. The job id is the
 * video id, so a finish repeated mid-way queues nothing twice.
 */
export async function finishVideoUpload({
  db,
  storage,
  videoId,
  file,
}: {
  db: Db;
  storage: Pick<ObjectStore, "putObject">;
  videoId: string;
  file: Readable;
}): Promise<void> {
  const video = await db.video.findUniqueOrThrow({ where: { id: videoId }, select: { status: true, ownerId: true, sourceType: true, sourceBytes: true } });
  if (video.status !== "uploading") return;
  await storage.putObject(sourceKey(videoId), file, {
    contentType: video.sourceType,
    ownerId: video.ownerId,
    visibility: "private",
    maxBytes: Number(video.sourceBytes),
  });
  await db.video.update({ where: { id: videoId }, data: { status: "processing", progress: 0 } });
  await queueTranscode(videoId);
}

/** Queues a stored video's transcoding job; the job id is the video id, so a job already waiting is not doubled. */
export async function queueTranscode(videoId: string): Promise<void> {
  await enqueue("transcode-video", { videoId }, { jobId: videoId, attempts: TRANSCODE_ATTEMPTS, backoff: { type: "exponential", delay: 5_000 } });
}
