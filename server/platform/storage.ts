import "server-only";
import { storageDir } from "@/server/env";
import { createLocalDiskStore } from "./local-disk-store";
import type { ObjectStore } from "./object-store";

/** The contract (object-store.ts) is re-exported: callers know storage, not its parts. */
export * from "./object-store";

/** The process's store: local disk under STORAGE_DIR (an S3 store would be chosen here when S3_* is set). */
export const storage: ObjectStore = createLocalDiskStore(storageDir);

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
