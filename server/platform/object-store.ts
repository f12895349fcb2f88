import type { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AppError } from "@/server/errors";

/**
 * Object storage: a flat key space of immutable-ish blobs with a little
 * metadata (content type, owner, visibility). The interface is the subset of
 * S3 the systems need, so an S3 store can replace the local-disk one without
 * touching callers; bodies go in and out as streams so nothing is buffered whole.
 */
export type ObjectVisibility = "public" | "private";

export type ObjectMetadata = {
  key: string;
  contentType: string;
  size: number;
  /** Who may read a private object; null for objects no user owns. */
  ownerId: string | null;
  visibility: ObjectVisibility;
  /** Strong validator: a hash of the content, quoted as HTTP wants it. */
  etag: string;
  /** ISO-8601. */
  createdAt: string;
  /** The key will never name other bytes (it carries a content hash): readers may cache it for good. */
  immutable?: boolean;
};

export type ObjectBody = Buffer | Uint8Array | Readable | ReadableStream<Uint8Array> | WebReadableStream<Uint8Array>;

export type PutObjectOptions = {
  contentType: string;
  /** The upload is aborted and nothing is kept once it passes this many bytes (PAYLOAD_TOO_LARGE). */
  maxBytes?: number;
  ownerId?: string | null;
  /** Default "private": a file is readable by its owner only unless made public on purpose. */
  visibility?: ObjectVisibility;
  /** Promise that this key will never be written with other bytes (a content-hash key), so it may be cached for good. */
  immutable?: boolean;
};

/** Inclusive byte offsets, as in an HTTP Range header. */
export type ByteRange = { start: number; end: number };

export type StoredObject = ObjectMetadata & {
  body: ReadableStream<Uint8Array>;
  /** The bytes `body` yields: the whole object, or the requested range. */
  range: ByteRange | null;
};

export interface ObjectStore {
  putObject(key: string, body: ObjectBody, options: PutObjectOptions): Promise<ObjectMetadata>;
  /** NOT_FOUND when absent; BAD_REQUEST when the range lies outside the object. */
  getObject(key: string, options?: { range?: ByteRange }): Promise<StoredObject>;
  statObject(key: string): Promise<ObjectMetadata | null>;
  /** Succeeds when the object is already gone. */
  deleteObject(key: string): Promise<void>;
  /** Every key that starts with `prefix` (S3's ListObjectsV2, unpaged): how a system finds all the files it made to delete them. */
  listObjects(prefix: string): Promise<string[]>;
}

const MAX_KEY_LENGTH = 512;
const KEY_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Keys are `/`-separated segments of letters, digits, `.`, `_` and `-`, each
 * starting with a letter or digit: so no `..`, no absolute paths, no hidden
 * files, no backslashes or NULs can ever reach the file system.
 */
export function assertSafeKey(key: string): void {
  const valid =
    key.length > 0 &&
    key.length <= MAX_KEY_LENGTH &&
    key.split("/").every((segment) => KEY_SEGMENT.test(segment) && segment !== "." && segment !== "..");
  if (!valid) throw new AppError("BAD_REQUEST", "Invalid object key.");
}
