import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { createLocalDiskStore } from "./local-disk-store";
import type { ObjectStore } from "./object-store";

let root: string;
let store: ObjectStore;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-storage-test-"));
  store = createLocalDiskStore(root);
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const TEXT = Buffer.from("0123456789abcdefghijklmnopqrstuvwxyz");

describe("local disk store", () => {
  it("writes and reads back a Buffer with its metadata", async () => {
    const written = await store.putObject("avatars/u1/a.txt", TEXT, { contentType: "Text/Plain", ownerId: "u1" });
    expect(written).toMatchObject({ key: "avatars/u1/a.txt", contentType: "text/plain", size: TEXT.length, ownerId: "u1", visibility: "private" });
    expect(written.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);

    const read = await store.getObject("avatars/u1/a.txt");
    expect(read.range).toBeNull();
    expect(read.size).toBe(TEXT.length);
    expect(await readAll(read.body)).toEqual(TEXT);

    expect(await store.statObject("avatars/u1/a.txt")).toEqual(written);
    const sidecar = JSON.parse(await fs.readFile(path.join(root, "meta", "avatars/u1/a.txt"), "utf8"));
    expect(sidecar).toEqual(written);
  });

  it("accepts Node and web streams and stores large bodies without buffering them whole", async () => {
    const big = Buffer.alloc(300 * 1024, 7);
    await store.putObject("big/node.bin", Readable.from([big.subarray(0, 1000), big.subarray(1000)]), { contentType: "application/octet-stream", visibility: "public" });
    const web = new Blob([big]).stream();
    await store.putObject("big/web.bin", web, { contentType: "application/octet-stream" });
    for (const key of ["big/node.bin", "big/web.bin"]) {
      const read = await store.getObject(key);
      expect(read.size).toBe(big.length);
      expect((await readAll(read.body)).equals(big)).toBe(true);
    }
    expect((await store.statObject("big/node.bin"))?.visibility).toBe("public");
  });

  it("reads byte ranges, clamping an end past the last byte", async () => {
    await store.putObject("ranges/t.txt", TEXT, { contentType: "text/plain" });
    const middle = await store.getObject("ranges/t.txt", { range: { start: 10, end: 15 } });
    expect(middle.range).toEqual({ start: 10, end: 15 });
    expect((await readAll(middle.body)).toString()).toBe("abcdef");

    const tail = await store.getObject("ranges/t.txt", { range: { start: 30, end: 1000 } });
    expect(tail.range).toEqual({ start: 30, end: 35 });
    expect((await readAll(tail.body)).toString()).toBe("uvwxyz");

    const outside = await rejection(store.getObject("ranges/t.txt", { range: { start: 36, end: 40 } }));
    expect(outside.code).toBe("BAD_REQUEST");
  });

  it("aborts an upload past maxBytes and keeps nothing of it", async () => {
    await store.putObject("capped/file", Buffer.from("original"), { contentType: "text/plain" });
    const chunks = Array.from({ length: 20 }, () => Buffer.alloc(1024, 1));
    const error = await rejection(store.putObject("capped/file", Readable.from(chunks), { contentType: "text/plain", maxBytes: 5000 }));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.details).toEqual({ maxBytes: 5000 });

    expect(await fs.readdir(path.join(root, "tmp"))).toEqual([]);
    const kept = await store.getObject("capped/file");
    expect((await readAll(kept.body)).toString()).toBe("original");

    const tooBig = await rejection(store.putObject("capped/new", Buffer.alloc(5001), { contentType: "text/plain", maxBytes: 5000 }));
    expect(tooBig.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await store.statObject("capped/new")).toBeNull();
    // Exactly at the cap is fine.
    expect((await store.putObject("capped/exact", Buffer.alloc(5000), { contentType: "text/plain", maxBytes: 5000 })).size).toBe(5000);
  });

  it("rejects keys that could escape the storage directory", async () => {
    const outside = path.join(path.dirname(root), `escaped-${path.basename(root)}`);
    const bad = [
      "../escaped",
      `../${path.basename(outside)}`,
      "a/../../b",
      "/etc/passwd",
      "a\\..\\b",
      "./a",
      "a//b",
      "a/",
      ".hidden",
      "a/.git/config",
      "",
      "a\u0000b",
      "x".repeat(513),
    ];
    for (const key of bad) {
      expect((await rejection(store.putObject(key, TEXT, { contentType: "text/plain" }))).code).toBe("BAD_REQUEST");
      expect((await rejection(store.getObject(key))).code).toBe("BAD_REQUEST");
      expect((await rejection(store.statObject(key))).code).toBe("BAD_REQUEST");
      expect((await rejection(store.deleteObject(key))).code).toBe("BAD_REQUEST");
    }
    await expect(fs.access(outside)).rejects.toThrow();
  });

  it("rejects an invalid content type", async () => {
    const error = await rejection(store.putObject("ct/x", TEXT, { contentType: "text/html\r\nX-Evil: 1" }));
    expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("reports a key that clashes with an existing object as a conflict", async () => {
    await store.putObject("clash/a", TEXT, { contentType: "text/plain" });
    expect((await rejection(store.putObject("clash/a/b", TEXT, { contentType: "text/plain" }))).code).toBe("CONFLICT");
    expect(await fs.readdir(path.join(root, "tmp"))).toEqual([]);
  });

  it("deletes objects, and deleting a missing one succeeds", async () => {
    await store.putObject("gone/x", TEXT, { contentType: "text/plain" });
    await store.deleteObject("gone/x");
    expect(await store.statObject("gone/x")).toBeNull();
    expect((await rejection(store.getObject("gone/x"))).code).toBe("NOT_FOUND");
    await store.deleteObject("gone/x");
  });

  it("lists the keys under a prefix, deleted ones gone, neighbours not included", async () => {
    for (const key of ["list/v1/hls/a.ts", "list/v1/hls/720p/b.ts", "list/v1/source", "list/v10/source"]) await store.putObject(key, TEXT, { contentType: "text/plain" });
    await store.deleteObject("list/v1/source");
    expect(await store.listObjects("list/v1/")).toEqual(["list/v1/hls/720p/b.ts", "list/v1/hls/a.ts"]);
    expect(await store.listObjects("list/v1")).toEqual(["list/v1/hls/720p/b.ts", "list/v1/hls/a.ts", "list/v10/source"]);
    expect(await store.listObjects("nothing/here/")).toEqual([]);
  });

  it("closes the file when a reader cancels mid-stream", async () => {
    await store.putObject("cancel/big", Buffer.alloc(1024 * 1024, 3), { contentType: "application/octet-stream" });
    const openFiles = () => fs.readdir("/proc/self/fd").then((fds) => fds.length);
    const before = await openFiles();
    const read = await store.getObject("cancel/big");
    expect(await openFiles()).toBe(before + 1);
    const reader = read.body.getReader();
    expect((await reader.read()).value?.length).toBe(64 * 1024);
    await reader.cancel();
    expect(await openFiles()).toBe(before);
  });
});
