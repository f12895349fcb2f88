import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { ObjectStore } from "@/server/platform/storage";
import { videoPrefix } from "./video-files";

/**
 * Deletes one of the owner's videos, files and all: the row first (from then
 * on nothing serves it, and a transcoding job still running cleans up what it
 * stores when it finds the row gone), then every stored file under its
 * prefix (an unfinished upload's parts among them).
 */
export async function deleteVideo({ db, storage, ownerId, videoId }: { db: Db; storage: Pick<ObjectStore, "listObjects" | "deleteObject">; ownerId: string; videoId: string }): Promise<void> {
  const deleted = await db.video.deleteMany({ where: { id: videoId, ownerId } });
  if (deleted.count === 0) throw new AppError("NOT_FOUND", "This video does not exist or is not yours.");
  await removeVideoFiles(storage, videoId);
}

/** Every stored file of a video whose row is gone: the ladder, pictures, captions, the source and an unfinished upload's parts. */
export async function removeVideoFiles(storage: Pick<ObjectStore, "listObjects" | "deleteObject">, videoId: string): Promise<void> {
  for (const key of await storage.listObjects(videoPrefix(videoId))) await storage.deleteObject(key);
}
