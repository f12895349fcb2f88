import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import type { ObjectBody } from "./object-store";

const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;\s*[a-z0-9_-]+=[a-z0-9_.+"-]+)*$/i;

/**
 * How every store reads a putObject's input (local-disk-store.ts,
 * s3-store.ts), so both refuse the same uploads with the same errors.
 */

/** The type as stored: trimmed, lower-case, and nothing that could break out of a header. */
export function checkedContentType(contentType: string): string {
  const normalized = contentType.trim().toLowerCase();
  if (!CONTENT_TYPE.test(normalized)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Invalid content type.");
  return normalized;
}

/** The caller's cap, never above the store-wide STORAGE_MAX_OBJECT_BYTES. */
export function uploadLimit(maxBytes: number | undefined): number {
  return Math.min(maxBytes ?? env.STORAGE_MAX_OBJECT_BYTES, env.STORAGE_MAX_OBJECT_BYTES);
}

export function tooLargeError(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `File is too large (limit ${formatBytes(maxBytes)}).`, { maxBytes });
}

/** Every accepted body as one Node stream, read as it arrives. */
export function toNodeReadable(body: ObjectBody): Readable {
  if (body instanceof Readable) return body;
  if (body instanceof Uint8Array) return Readable.from([body]);
  return Readable.fromWeb(body as WebReadableStream<Uint8Array>);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
