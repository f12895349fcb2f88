import { addAbortSignal, Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { ObjectStore } from "@/server/platform/storage";
import { videoPrefix } from "../video-files";

/** Digits of an offset in a part's key, so keys sort as their offsets do; 15 passes any upload size we could allow. */
const OFFSET_DIGITS = 15;
const PART_KEY = /\/(\d+)-(\d+)$/;

type Part = { key: string; start: number; end: number };

/**
 * An upload's chunks as stored objects, one per PATCH, waiting to be stitched
 * into the source (stitch-upload.ts): written by the web process
 * (video-upload-store.ts), read and removed by the worker.
 */

/** Where an upload's chunks wait for the stitch: under the video's own prefix, so every removal of its files takes them too. */
export function uploadPartsPrefix(videoId: string): string {
  return `${videoPrefix(videoId)}upload/`;
}

/** A chunk's key names the bytes of the file it holds, [start, end). */
export function partKey(videoId: string, start: number, end: number): string {
  return `${uploadPartsPrefix(videoId)}${String(start).padStart(OFFSET_DIGITS, "0")}-${String(end).padStart(OFFSET_DIGITS, "0")}`;
}

/**
 * The whole upload of `size` bytes as one stream, from the stored parts in
 * order. Two parts may cover the same bytes (two PATCHes at one offset when a
 * stalled writer's lock expired): each holds the file's own bytes for its
 * range, so any part covering the next byte will do. `signal` ends the stream
 * with an error, as a worker's shutdown or a test's cut does.
 */
export function readUploadParts(storage: Pick<ObjectStore, "getObject" | "listObjects">, videoId: string, size: number, signal?: AbortSignal): Readable {
  const stream = Readable.from(
    (async function* () {
      const parts = (await storage.listObjects(uploadPartsPrefix(videoId))).map(parsePart).filter((part) => part !== null);
      let at = 0;
      while (at < size) {
        // The part reaching furthest among those holding byte `at`: one per chunk unless a stalled writer's lock expired.
        const part = parts.filter((candidate) => candidate.start <= at && at < candidate.end).sort((a, b) => b.end - a.end)[0];
        if (!part) throw new Error(`upload ${videoId}: no stored part holds byte ${at}`);
        const stored = await storage.getObject(part.key, at > part.start ? { range: { start: at - part.start, end: part.end - part.start - 1 } } : undefined);
        yield* Readable.fromWeb(stored.body as WebReadableStream<Uint8Array>);
        at = part.end;
      }
    })(),
  );
  return signal ? addAbortSignal(signal, stream) : stream;
}

/** After the source is stored: the parts it was made of. */
export async function removeUploadParts(storage: Pick<ObjectStore, "listObjects" | "deleteObject">, videoId: string): Promise<void> {
  for (const key of await storage.listObjects(uploadPartsPrefix(videoId))) await storage.deleteObject(key);
}

function parsePart(key: string): Part | null {
  const match = PART_KEY.exec(key);
  return match ? { key, start: Number(match[1]), end: Number(match[2]) } : null;
}
