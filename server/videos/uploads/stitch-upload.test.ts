import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestUser } from "@/server/accounts/test-users";
import { db } from "@/server/platform/db";
import { createLocalDiskStore } from "@/server/platform/local-disk-store";
import { createS3Store } from "@/server/platform/s3-store";
import { startS3TestServer } from "@/server/platform/s3-test-server";
import type { ObjectStore } from "@/server/platform/storage";
import { sourceKey, videoPrefix } from "../video-files";
import { stitchUpload } from "./stitch-upload";
import { partKey, uploadPartsPrefix } from "./upload-parts";

/**
 * The transcoding job's first step on local disk and on S3 (an S3-protocol
 * server): a worker killed mid-stitch, or between storing the source and
 * removing the parts, is retried and ends with one source byte for byte and
 * no parts; a video deleted mid-stitch keeps no file. The parts are stored as the upload route stores them
 * (video-upload-store.test.ts sends them through tus).
 */
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await db.$disconnect();
});

/** S3's smallest multipart part: the stitched source goes up in several, so a cut one is an aborted multipart upload. */
const S3_PART_BYTES = 5 * 1024 * 1024;
const CHUNK = 4 * 1024 * 1024;

const STORES: Array<[string, () => Promise<ObjectStore>]> = [
  [
    "local disk",
    async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-stitch-"));
      cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
      return createLocalDiskStore(dir);
    },
  ],
  [
    "S3",
    async () => {
      const server = await startS3TestServer();
      cleanups.push(() => server.close());
      return createS3Store(server.settings, { partBytes: S3_PART_BYTES });
    },
  ],
];

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A video whose every byte arrived: "processing", the file in CHUNK-sized parts, no source yet. */
async function finishedUpload(store: ObjectStore, file: Buffer) {
  const owner = await createTestUser(db);
  const video = await db.video.create({
    data: { id: randomUUID().replaceAll("-", "").slice(0, 24), ownerId: owner.id, title: "Stitched", status: "processing", sourceName: "clip.mp4", sourceType: "video/mp4", sourceBytes: BigInt(file.length), uploadedBytes: BigInt(file.length) },
  });
  for (let start = 0; start < file.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, file.length);
    await store.putObject(partKey(video.id, start, end), file.subarray(start, end), { contentType: "application/octet-stream" });
  }
  return video;
}

async function readSource(store: ObjectStore, videoId: string): Promise<Buffer> {
  return Buffer.from(await new Response((await store.getObject(sourceKey(videoId))).body).arrayBuffer());
}

describe.each(STORES)("stitching an upload on %s", (_name, openStore) => {
  it("cut half-way, it stores nothing and keeps every part; run again, the source is the file and the parts are gone", { timeout: 60_000 }, async () => {
    const store = await openStore();
    const file = randomBytes(3 * CHUNK + 4321);
    const video = await finishedUpload(store, file);
    const parts = await store.listObjects(uploadPartsPrefix(video.id));
    expect(parts).toHaveLength(4);

    const cut = new AbortController();
    const heard: number[] = [];
    const attempt = stitchUpload({
      db,
      storage: store,
      video,
      signal: cut.signal,
      onBytes: (bytes) => {
        heard.push(bytes);
        if (bytes >= file.length / 2) cut.abort();
      },
    });
    await expect(attempt).rejects.toThrow();
    expect(Math.max(...heard)).toBeLessThan(file.length);
    expect(await store.statObject(sourceKey(video.id))).toBeNull();
    expect(await store.listObjects(uploadPartsPrefix(video.id))).toEqual(parts);

    const progress: number[] = [];
    expect(await stitchUpload({ db, storage: store, video, onBytes: (bytes) => progress.push(bytes) })).toBe(true);
    expect(progress.at(-1)).toBe(file.length);
    expect(sha256(await readSource(store, video.id))).toBe(sha256(file));
    expect(await store.statObject(sourceKey(video.id))).toMatchObject({ contentType: "video/mp4", ownerId: video.ownerId, visibility: "private", size: file.length });
    expect(await store.listObjects(uploadPartsPrefix(video.id))).toEqual([]);
  });

  it("killed after storing the source while removing the parts: the retry keeps that source and removes the rest", { timeout: 60_000 }, async () => {
    const store = await openStore();
    const file = randomBytes(2 * CHUNK + 99);
    const video = await finishedUpload(store, file);
    // The worker dies after its first removal: a store that refuses every removal after that one.
    let removals = 0;
    const dying: ObjectStore = {
      ...store,
      deleteObject: async (key) => {
        if (++removals > 1) throw new Error("worker killed");
        await store.deleteObject(key);
      },
    };
    await expect(stitchUpload({ db, storage: dying, video })).rejects.toThrow("worker killed");
    const stored = await store.statObject(sourceKey(video.id));
    expect(stored?.size).toBe(file.length);
    expect(await store.listObjects(uploadPartsPrefix(video.id))).toHaveLength(2);

    let restitched = 0;
    expect(await stitchUpload({ db, storage: store, video, onBytes: () => restitched++ })).toBe(true);
    expect(restitched).toBe(0);
    expect((await store.statObject(sourceKey(video.id)))?.etag).toBe(stored?.etag);
    expect(sha256(await readSource(store, video.id))).toBe(sha256(file));
    expect(await store.listObjects(uploadPartsPrefix(video.id))).toEqual([]);
  });

  it("deleted while it ran, it leaves no source behind and answers false, so the job stops", { timeout: 60_000 }, async () => {
    const store = await openStore();
    const file = randomBytes(CHUNK + 7);
    const video = await finishedUpload(store, file);
    // Its owner deletes it just as the source appears: the delete's own removal of files came too early to see it.
    const racing: ObjectStore = {
      ...store,
      putObject: async (key, body, options) => {
        const stored = await store.putObject(key, body, options);
        await db.video.delete({ where: { id: video.id } });
        return stored;
      },
    };
    expect(await stitchUpload({ db, storage: racing, video })).toBe(false);
    expect(await store.listObjects(videoPrefix(video.id))).toEqual([]);
  });
});
