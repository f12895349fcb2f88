import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import type { ObjectStore } from "./object-store";

/**
 * What every ObjectStore promises its callers, run against each store
 * (local-disk-store.test.ts, s3-store.test.ts): a caller written against
 * one works unchanged on the other. `store` is read when the tests run, so a
 * file can open its store in beforeAll.
 */
export function describeObjectStoreContract(storeName: string, store: () => ObjectStore): void {
  describe(`${storeName}: the ObjectStore contract`, () => {
    it("writes and reads back a Buffer with its metadata", async () => {
      const written = await store().putObject("avatars/u1/a.txt", TEXT, { contentType: "Text/Plain", ownerId: "u1" });
      expect(written).toMatchObject({ key: "avatars/u1/a.txt", contentType: "text/plain", size: TEXT.length, ownerId: "u1", visibility: "private" });
      expect(written.immutable).toBeUndefined();
      expect(written.etag).toMatch(/^"[^"]+"$/);
      expect(Number.isNaN(Date.parse(written.createdAt))).toBe(false);

      const read = await store().getObject("avatars/u1/a.txt");
      expect(read.range).toBeNull();
      expect(read.size).toBe(TEXT.length);
      expect(await readAll(read.body)).toEqual(TEXT);
      const { body: _body, range: _range, ...readMetadata } = read;
      expect(readMetadata).toEqual(written);
      expect(await store().statObject("avatars/u1/a.txt")).toEqual(written);
    });

    it("keeps visibility, owner and the immutable promise, and defaults to private with no owner", async () => {
      await store().putObject("meta/public.webp", TEXT, { contentType: "image/webp", visibility: "public", immutable: true });
      expect(await store().statObject("meta/public.webp")).toMatchObject({ visibility: "public", ownerId: null, immutable: true, contentType: "image/webp" });
      await store().putObject("meta/default.bin", TEXT, { contentType: "application/octet-stream" });
      const fallback = await store().statObject("meta/default.bin");
      expect(fallback).toMatchObject({ visibility: "private", ownerId: null });
      expect(fallback?.immutable).toBeUndefined();
    });

    it("gives other bytes another ETag and the same bytes the same one", async () => {
      const one = await store().putObject("etag/x", TEXT, { contentType: "text/plain" });
      const again = await store().putObject("etag/y", TEXT, { contentType: "text/plain" });
      const other = await store().putObject("etag/x", Buffer.from("other bytes"), { contentType: "text/plain" });
      expect(again.etag).toBe(one.etag);
      expect(other.etag).not.toBe(one.etag);
      expect((await store().statObject("etag/x"))?.etag).toBe(other.etag);
    });

    it("stores Node and web streams larger than one part, read as they arrive", async () => {
      const big = Buffer.alloc(BIG_BYTES);
      for (let offset = 0; offset < big.length; offset += 4) big.writeUInt32LE(offset, offset);
      await store().putObject("big/node.bin", Readable.from(chunksOf(big, 1024 * 1024)), { contentType: "application/octet-stream", visibility: "public" });
      await store().putObject("big/web.bin", new Blob([big]).stream(), { contentType: "application/octet-stream" });
      for (const key of ["big/node.bin", "big/web.bin"]) {
        const read = await store().getObject(key);
        expect(read.size).toBe(big.length);
        expect((await readAll(read.body)).equals(big)).toBe(true);
      }
      const tail = await store().getObject("big/node.bin", { range: { start: big.length - 8, end: big.length + 100 } });
      expect(await readAll(tail.body)).toEqual(big.subarray(big.length - 8));
      expect((await store().statObject("big/node.bin"))?.visibility).toBe("public");
    });

    it("stores an empty object", async () => {
      const empty = await store().putObject("empty/none", Buffer.alloc(0), { contentType: "text/plain" });
      expect(empty.size).toBe(0);
      expect((await readAll((await store().getObject("empty/none")).body)).length).toBe(0);
    });

    it("reads byte ranges, clamping an end past the last byte", async () => {
      await store().putObject("ranges/t.txt", TEXT, { contentType: "text/plain" });
      const middle = await store().getObject("ranges/t.txt", { range: { start: 10, end: 15 } });
      expect(middle.range).toEqual({ start: 10, end: 15 });
      expect(middle.size).toBe(TEXT.length);
      expect((await readAll(middle.body)).toString()).toBe("abcdef");

      const tail = await store().getObject("ranges/t.txt", { range: { start: 30, end: 1000 } });
      expect(tail.range).toEqual({ start: 30, end: 35 });
      expect((await readAll(tail.body)).toString()).toBe("uvwxyz");

      expect((await rejection(store().getObject("ranges/t.txt", { range: { start: 36, end: 40 } }))).code).toBe("BAD_REQUEST");
      expect((await rejection(store().getObject("ranges/t.txt", { range: { start: 5, end: 2 } }))).code).toBe("BAD_REQUEST");
    });

    it("aborts an upload past maxBytes and keeps nothing of it, the earlier version intact", async () => {
      await store().putObject("capped/file", Buffer.from("original"), { contentType: "text/plain" });
      const chunks = Array.from({ length: 20 }, () => Buffer.alloc(1024, 1));
      const error = await rejection(store().putObject("capped/file", Readable.from(chunks), { contentType: "text/plain", maxBytes: 5000 }));
      expect(error.code).toBe("PAYLOAD_TOO_LARGE");
      expect(error.details).toEqual({ maxBytes: 5000 });
      expect((await readAll((await store().getObject("capped/file")).body)).toString()).toBe("original");

      expect((await rejection(store().putObject("capped/new", Buffer.alloc(5001), { contentType: "text/plain", maxBytes: 5000 }))).code).toBe("PAYLOAD_TOO_LARGE");
      expect(await store().statObject("capped/new")).toBeNull();
      // Exactly at the cap is fine.
      expect((await store().putObject("capped/exact", Buffer.alloc(5000), { contentType: "text/plain", maxBytes: 5000 })).size).toBe(5000);
    });

    it("aborts a large streamed upload once it passes maxBytes, parts already sent included", async () => {
      await store().putObject("capped/video", Buffer.from("original"), { contentType: "video/mp4" });
      let sent = 0;
      const endless = new Readable({
        read() {
          sent += 1024 * 1024;
          this.push(Buffer.alloc(1024 * 1024, 2));
        },
      });
      const cap = BIG_BYTES;
      const error = await rejection(store().putObject("capped/video", endless, { contentType: "video/mp4", maxBytes: cap }));
      expect(error.code).toBe("PAYLOAD_TOO_LARGE");
      // The source was read up to the cap and then stopped, not drained.
      expect(sent).toBeLessThanOrEqual(cap + 3 * 1024 * 1024);
      expect(endless.destroyed).toBe(true);
      expect((await readAll((await store().getObject("capped/video")).body)).toString()).toBe("original");
      expect(await store().listObjects("capped/video")).toEqual(["capped/video"]);
    });

    it("refuses keys that could escape their namespace, on every operation", async () => {
      for (const key of ["../escaped", "a/../../b", "/etc/passwd", "a\\..\\b", "./a", "a//b", "a/", ".hidden", "a/.git/config", "", "a\u0000b", "x".repeat(513)]) {
        expect((await rejection(store().putObject(key, TEXT, { contentType: "text/plain" }))).code).toBe("BAD_REQUEST");
        expect((await rejection(store().getObject(key))).code).toBe("BAD_REQUEST");
        expect((await rejection(store().statObject(key))).code).toBe("BAD_REQUEST");
        expect((await rejection(store().deleteObject(key))).code).toBe("BAD_REQUEST");
      }
    });

    it("refuses an invalid content type", async () => {
      const error = await rejection(store().putObject("ct/x", TEXT, { contentType: "text/html\r\nX-Evil: 1" }));
      expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
      expect(await store().statObject("ct/x")).toBeNull();
    });

    it("deletes objects, and deleting a missing one succeeds", async () => {
      await store().putObject("gone/x", TEXT, { contentType: "text/plain" });
      await store().deleteObject("gone/x");
      expect(await store().statObject("gone/x")).toBeNull();
      expect((await rejection(store().getObject("gone/x"))).code).toBe("NOT_FOUND");
      await store().deleteObject("gone/x");
      await store().deleteObject("never/was");
    });

    it("lists the keys under a prefix in order, deleted ones gone, neighbours not included", async () => {
      for (const key of ["list/v1/hls/a.ts", "list/v1/hls/720p/b.ts", "list/v1/source", "list/v10/source"]) await store().putObject(key, TEXT, { contentType: "text/plain" });
      await store().deleteObject("list/v1/source");
      expect(await store().listObjects("list/v1/")).toEqual(["list/v1/hls/720p/b.ts", "list/v1/hls/a.ts"]);
      expect(await store().listObjects("list/v1")).toEqual(["list/v1/hls/720p/b.ts", "list/v1/hls/a.ts", "list/v10/source"]);
      expect(await store().listObjects("nothing/here/")).toEqual([]);
    });

    it("lists every key of a prefix with more keys than one page", async () => {
      const keys = Array.from({ length: 7 }, (_, index) => `paged/k${index}`);
      await Promise.all(keys.map((key) => store().putObject(key, TEXT, { contentType: "text/plain" })));
      expect(await store().listObjects("paged/")).toEqual(keys);
    });
  });
}

const TEXT = Buffer.from("0123456789abcdefghijklmnopqrstuvwxyz");
/** Larger than the part size the S3 test gives its store (s3-store.test.ts), so big bodies go up in several parts. */
const BIG_BYTES = 12 * 1024 * 1024;

export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function* chunksOf(buffer: Buffer, size: number): Generator<Buffer> {
  for (let offset = 0; offset < buffer.length; offset += size) yield buffer.subarray(offset, offset + size);
}
