import fs from "node:fs/promises";
import path from "node:path";
import { videoWorkDir } from "@/server/env";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { ObjectStore } from "@/server/platform/storage";
import { videoPrefix } from "./video-files";

/**
 * Deletes one of the owner's videos, files and all: the row first (from then
 * on nothing serves it, and a transcoding job still running cleans up what it
 * stores when it finds the row gone), then every stored file under its
 * prefix, then an unfinished upload's scratch file.
 */
export async function deleteVideo({ db, storage, ownerId, videoId }: { db: Db; storage: Pick<ObjectStore, "listObjects" | "deleteObject">; ownerId: string; videoId: string }): Promise<void> {
  const deleted = await db.video.deleteMany({ where: { id: videoId, ownerId } });
  if (deleted.count === 0) throw new AppError("NOT_FOUND", "This video does not exist or is not yours.");
  await removeVideoFiles(storage, videoId);
}

/** Every stored file of a video whose row is gone, and an unfinished upload's scratch file (tus keeps its state beside it). */
export async function removeVideoFiles(storage: Pick<ObjectStore, "listObjects" | "deleteObject">, videoId: string): Promise<void> {
  for (const key of await storage.listObjects(videoPrefix(videoId))) await storage.deleteObject(key);
  const upload = uploadScratchFile(videoId);
  await Promise.all([fs.rm(upload, { force: true }), fs.rm(`${upload}.json`, { force: true })]);
}

/** Where tus keeps an upload's bytes while they arrive (upload-route.ts). */
export function uploadScratchFile(videoId: string): string {
  return path.join(videoWorkDir, "uploads", videoId);
}
