import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs, { type FileHandle } from "node:fs/promises";
import path from "node:path";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "@/server/errors";
import { logger } from "./logger";
import { checkedContentType, toNodeReadable, tooLargeError, uploadLimit } from "./object-put-input";
import { assertSafeKey, type ObjectMetadata, type ObjectStore } from "./object-store";

const READ_CHUNK_BYTES = 64 * 1024;

/**
 * A temp file nobody has written to for this long belongs to a write whose process died (a crash, a kill, an OOM):
 * every chunk a live write takes in moves its mtime, and no write of ours pauses for minutes (request bodies are
 * read whole before they are stored; stitching, transcoding and copying stream stored or local bytes).
 * Judged by mtime, not by pid, so it holds for any number of processes and hosts sharing one STORAGE_DIR.
 */
export const ABANDONED_TEMP_FILE_MS = 60 * 60 * 1000;

const log = logger.child({ module: "local-disk-store" });

/**
 * The local-disk store (embedded default). Layout under `rootDir`:
 * `objects/<key>` holds the bytes, `meta/<key>` its JSON metadata sidecar,
 * `tmp/` uploads in progress. An upload is written to `tmp/` and renamed into
 * place only when complete, so readers never see a partial file and an aborted
 * upload leaves nothing behind. A process killed mid-write does leave its temp
 * file: the first write of each store (each process start) and then one write
 * an hour first removes the temp files abandoned that way (sweepAbandonedTempFiles).
 */
export function createLocalDiskStore(rootDir: string): ObjectStore {
  const root = path.resolve(rootDir);
  const objectPath = (key: string) => path.join(root, "objects", key);
  // Same relative path in a separate tree, so no key can collide with another key's sidecar.
  const metaPath = (key: string) => path.join(root, "meta", key);
  const tmpDir = path.join(root, "tmp");
  let nextSweepAt = 0;

  /** At most one sweep an hour per store, taken by whichever write comes first; a failed sweep never fails the write. */
  async function sweepWhenDue(): Promise<void> {
    const now = Date.now();
    if (now < nextSweepAt) return;
    nextSweepAt = now + ABANDONED_TEMP_FILE_MS;
    try {
      const removed = await sweepAbandonedTempFiles(tmpDir, now);
      if (removed > 0) log.info({ removed }, "removed temp files abandoned by a killed write");
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, "could not sweep abandoned temp files");
    }
  }

  async function readMetadata(key: string): Promise<ObjectMetadata | null> {
    try {
      return JSON.parse(await fs.readFile(metaPath(key), "utf8")) as ObjectMetadata;
    } catch (error) {
      if (isMissingFile(error)) return null;
      throw error;
    }
  }

  return {
    async putObject(key, body, options) {
      assertSafeKey(key);
      const contentType = checkedContentType(options.contentType);
      const maxBytes = uploadLimit(options.maxBytes);

      await sweepWhenDue();
      await fs.mkdir(tmpDir, { recursive: true });
      const tmpFile = path.join(tmpDir, randomUUID());
      const meter = new SizeCappedHash(maxBytes);
      try {
        await pipeline(toNodeReadable(body), meter, createWriteStream(tmpFile, { flags: "wx" }));
        const metadata: ObjectMetadata = {
          key,
          contentType,
          size: meter.bytes,
          ownerId: options.ownerId ?? null,
          visibility: options.visibility ?? "private",
          etag: `"${meter.digest()}"`,
          createdAt: new Date().toISOString(),
          ...(options.immutable ? { immutable: true } : {}),
        };
        const tmpMeta = `${tmpFile}.json`;
        await fs.writeFile(tmpMeta, JSON.stringify(metadata), { flag: "wx" });
        await makeParentDirs([objectPath(key), metaPath(key)]);
        // Bytes first, then metadata: an object "exists" once its sidecar does, and by then its bytes are in place.
        await fs.rename(tmpFile, objectPath(key));
        await fs.rename(tmpMeta, metaPath(key));
        return metadata;
      } catch (error) {
        await Promise.all([fs.rm(tmpFile, { force: true }), fs.rm(`${tmpFile}.json`, { force: true })]);
        throw isPathClash(error) ? new AppError("CONFLICT", `Object key "${key}" clashes with an existing object.`) : error;
      }
    },

    async getObject(key, options = {}) {
      assertSafeKey(key);
      const metadata = await readMetadata(key);
      if (!metadata) throw new AppError("NOT_FOUND", "File not found.");
      let handle: FileHandle;
      try {
        handle = await fs.open(objectPath(key), "r");
      } catch (error) {
        if (isMissingFile(error)) throw new AppError("NOT_FOUND", "File not found.");
        throw error;
      }
      // The size comes from the open file, so a concurrent overwrite cannot make the length lie.
      const size = (await handle.stat()).size;
      const range = options.range ?? null;
      if (range && !(Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end) && 0 <= range.start && range.start <= range.end && range.start < size)) {
        await handle.close();
        throw new AppError("BAD_REQUEST", "Requested range is outside the file.");
      }
      const span = range ? { start: range.start, end: Math.min(range.end, size - 1) } : null;
      return { ...metadata, size, range: span, body: fileStream(handle, span?.start ?? 0, span ? span.end + 1 : size) };
    },

    async statObject(key) {
      assertSafeKey(key);
      const metadata = await readMetadata(key);
      if (!metadata) return null;
      try {
        return { ...metadata, size: (await fs.stat(objectPath(key))).size };
      } catch (error) {
        if (isMissingFile(error)) return null;
        throw error;
      }
    },

    async listObjects(prefix) {
      // The sidecars say which objects exist; a prefix is any start of a key, so list its nearest folder and filter.
      const folder = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : "";
      if (folder) assertSafeKey(folder);
      let entries: string[];
      try {
        entries = await fs.readdir(path.join(root, "meta", folder), { recursive: true });
      } catch (error) {
        if (isMissingFile(error)) return [];
        throw error;
      }
      const keys: string[] = [];
      for (const entry of entries) {
        const key = folder ? `${folder}/${entry.split(path.sep).join("/")}` : entry.split(path.sep).join("/");
        if (key.startsWith(prefix) && (await fs.stat(metaPath(key))).isFile()) keys.push(key);
      }
      return keys.sort();
    },

    async deleteObject(key) {
      assertSafeKey(key);
      // Metadata first: from that moment the object is gone for readers.
      await fs.rm(metaPath(key), { force: true });
      await fs.rm(objectPath(key), { force: true });
    },
  };
}

/** Removes the files in `tmpDir` untouched for ABANDONED_TEMP_FILE_MS; the rest are live writes, left alone. */
async function sweepAbandonedTempFiles(tmpDir: string, now: number): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(tmpDir);
  } catch (error) {
    if (isMissingFile(error)) return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(tmpDir, name);
    // A write may finish (rename) or another process sweep the same file between readdir and here.
    const stat = await fs.stat(file).catch((error: unknown) => (isMissingFile(error) ? null : Promise.reject(error)));
    if (!stat?.isFile() || now - stat.mtimeMs < ABANDONED_TEMP_FILE_MS) continue;
    await fs.rm(file, { force: true });
    removed++;
  }
  return removed;
}

/** Reads [start, end) on demand, so a client that stops reading holds no buffered data; cancel closes the file. */
function fileStream(handle: FileHandle, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const wanted = Math.min(READ_CHUNK_BYTES, end - position);
          if (wanted <= 0) {
            await close();
            controller.close();
            return;
          }
          const buffer = Buffer.allocUnsafe(wanted);
          const { bytesRead } = await handle.read(buffer, 0, wanted, position);
          if (bytesRead === 0) {
            // The file shrank under us (overwritten); end here rather than hang.
            await close();
            controller.close();
            return;
          }
          position += bytesRead;
          controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
        } catch (error) {
          await close().catch(() => undefined);
          controller.error(error);
        }
      },
      async cancel() {
        await close();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Counts and hashes bytes on their way to disk, failing the pipeline as soon as the cap is passed. */
class SizeCappedHash extends Transform {
  bytes = 0;
  private readonly hash = createHash("sha256");

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      callback(tooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest("base64url").slice(0, 32);
  }
}

/** On disk `a` and `a/b` cannot both exist (one would be a file and a directory); S3 allows it, we refuse it. */
async function makeParentDirs(files: string[]): Promise<void> {
  for (const file of files) await fs.mkdir(path.dirname(file), { recursive: true });
}

function isPathClash(error: unknown): boolean {
  return error instanceof Error && "code" in error && ["EEXIST", "ENOTDIR", "EISDIR"].includes(String(error.code));
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");
}
