import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyObjects } from "./copy-objects";
import { createLocalDiskStore } from "./local-disk-store";
import type { ObjectStore } from "./object-store";
import { readAll } from "./object-store-contract";
import { createS3Store } from "./s3-store";
import { startS3TestServer, type S3TestServer } from "./s3-test-server";

/** Moving the local-disk store's files into a bucket (npm run storage:copy-to-s3), against the S3-protocol server. */
let root: string;
let server: S3TestServer;
let disk: ObjectStore;
let s3: ObjectStore;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-copy-test-"));
  server = await startS3TestServer();
  disk = createLocalDiskStore(root);
  s3 = createS3Store(server.settings);
});
afterAll(async () => {
  await server.close();
  await fs.rm(root, { recursive: true, force: true });
});

describe("copying the local store into a bucket", () => {
  it("copies every file with its metadata, and a second run copies only what may have changed", async () => {
    await disk.putObject("avatars/u1/a.webp", Buffer.from("avatar"), { contentType: "image/webp", ownerId: "u1", visibility: "public", immutable: true });
    await disk.putObject("chat/c1/file.pdf", Buffer.from("%PDF-1.7"), { contentType: "application/pdf", ownerId: "u2" });
    await disk.putObject("videos/v1/hls/master.m3u8", Buffer.from("#EXTM3U\n"), { contentType: "application/vnd.apple.mpegurl", ownerId: "u1" });

    expect(await copyObjects({ from: disk, to: s3 })).toEqual({ copied: 3, skipped: 0, bytes: 6 + 8 + 8 });
    expect(await s3.listObjects("")).toEqual(["avatars/u1/a.webp", "chat/c1/file.pdf", "videos/v1/hls/master.m3u8"]);
    expect(await s3.statObject("avatars/u1/a.webp")).toMatchObject({ contentType: "image/webp", ownerId: "u1", visibility: "public", immutable: true, size: 6 });
    expect(await s3.statObject("chat/c1/file.pdf")).toMatchObject({ contentType: "application/pdf", ownerId: "u2", visibility: "private" });
    expect((await readAll((await s3.getObject("chat/c1/file.pdf")).body)).toString()).toBe("%PDF-1.7");

    // Uploaded in between, and a playlist rewritten: both go over; the immutable avatar is not sent again.
    await disk.putObject("feed/images/new.webp", Buffer.from("new"), { contentType: "image/webp", visibility: "public", immutable: true });
    await disk.putObject("videos/v1/hls/master.m3u8", Buffer.from("#EXTM3U\n#2\n"), { contentType: "application/vnd.apple.mpegurl", ownerId: "u1" });
    const copied: string[] = [];
    const again = await copyObjects({ from: disk, to: s3, onCopied: (key) => copied.push(key) });
    expect(copied).toEqual(expect.arrayContaining(["feed/images/new.webp", "videos/v1/hls/master.m3u8"]));
    expect(copied).not.toContain("avatars/u1/a.webp");
    expect(again.copied + again.skipped).toBe(4);
    expect((await readAll((await s3.getObject("videos/v1/hls/master.m3u8")).body)).toString()).toBe("#EXTM3U\n#2\n");
  });

  it("skips a file that has not changed since it was copied, in a later second", async () => {
    await disk.putObject("settled/file.bin", Buffer.from("settled"), { contentType: "application/octet-stream", ownerId: "u3" });
    const written = Date.parse((await disk.statObject("settled/file.bin"))?.createdAt ?? "");
    // Wait for the next whole second, so the copy's Last-Modified (kept to the second) is after the write.
    await expect.poll(() => Math.floor(Date.now() / 1000) > Math.floor(written / 1000), { interval: 50, timeout: 2_000 }).toBe(true);
    await copyObjects({ from: disk, to: s3, prefix: "settled/" });
    expect(await copyObjects({ from: disk, to: s3, prefix: "settled/" })).toEqual({ copied: 0, skipped: 1, bytes: 0 });
  });
});
