import "server-only";
import { s3Settings, storageDir } from "@/server/env";
import { createLocalDiskStore } from "./local-disk-store";
import type { ObjectStore } from "./object-store";
import { createS3Store } from "./s3-store";

/** The contract (object-store.ts) is re-exported: callers know storage, not its parts. */
export * from "./object-store";

/** The process's store: the S3-compatible bucket when S3_BUCKET is set (web and worker must agree), else local disk under STORAGE_DIR. */
export const storage: ObjectStore = s3Settings ? createS3Store(s3Settings) : createLocalDiskStore(storageDir);

/** Where app/api/media/[...key] serves stored objects (server/platform/serve-media.ts). */
export const MEDIA_PATH = "/api/media/";

export function mediaUrl(key: string): string {
  return `${MEDIA_PATH}${key}`;
}

export const putObject: ObjectStore["putObject"] = (key, body, options) => storage.putObject(key, body, options);
export const getObject: ObjectStore["getObject"] = (key, options) => storage.getObject(key, options);
export const statObject: ObjectStore["statObject"] = (key) => storage.statObject(key);
export const deleteObject: ObjectStore["deleteObject"] = (key) => storage.deleteObject(key);
export const listObjects: ObjectStore["listObjects"] = (prefix) => storage.listObjects(prefix);
