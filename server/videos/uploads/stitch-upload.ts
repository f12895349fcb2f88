import { Readable } from "node:stream";
import type { Db } from "@/server/platform/db";
import type { ObjectStore } from "@/server/platform/storage";
import { removeVideoFiles } from "../delete-video";
import { sourceKey } from "../video-files";
import { readUploadParts, removeUploadParts } from "./upload-parts";

export type StitchStore = Pick<ObjectStore, "getObject" | "putObject" | "statObject" | "listObjects" | "deleteObject">;
type Upload = { id: string; ownerId: string; sourceType: string; sourceBytes: bigint };

/**
 * The first step of the transcoding job: an upload's parts (one stored
 * object per PATCH) become its source, then the parts go. Done in the worker
 * and not in the web request that took the last byte, because a 2 GB upload is
 * 2 GB read and written again, more than a web request (or a Vercel function)
 * may take.
 *
 * Crash-safe by the stores' own promise: an object appears only once it is
 * stored whole (a renamed temporary file on disk, a completed multipart
 * upload on S3). So a stored source is always complete, and a run killed
 * mid-way leaves the parts as they were: the retry (BullMQ's stalled-job
 * check) stitches again, or, if the source was stored and only the parts'
 * removal was cut short, removes what is left. A video transcoded before the
 * stitch moved here has its source and no parts: nothing to do.
 *
 * A video deleted while its stitch ran may have lost its files before the
 * source appeared: once stored, the video is looked up again, and if gone,
 * its files go (the source with them) and the answer is false, so the job
 * stops. True when the video is still there with its source.
 *
 * `onBytes` hears how many bytes went into the source so far (the job's
 * progress); `signal` stops the stitch with nothing stored.
 */
export async function stitchUpload({ db, storage, video, signal, onBytes }: { db: Db; storage: StitchStore; video: Upload; signal?: AbortSignal; onBytes?: (bytes: number) => void }): Promise<boolean> {
  const size = Number(video.sourceBytes);
  if (!(await storage.statObject(sourceKey(video.id)))) {
    const parts = readUploadParts(storage, video.id, size, signal);
    // Counted as it flows; a generator (not .pipe) so an error of the parts' stream reaches putObject and stops it.
    const counted = async function* () {
      let stitched = 0;
      for await (const chunk of parts as AsyncIterable<Buffer>) {
        stitched += chunk.length;
        onBytes?.(stitched);
        yield chunk;
      }
    };
    await storage.putObject(sourceKey(video.id), Readable.from(counted()), {
      contentType: video.sourceType,
      ownerId: video.ownerId,
      visibility: "private",
      maxBytes: size,
    });
  }
  if ((await db.video.count({ where: { id: video.id } })) === 0) {
    await removeVideoFiles(storage, video.id);
    return false;
  }
  await removeUploadParts(storage, video.id);
  return true;
}
