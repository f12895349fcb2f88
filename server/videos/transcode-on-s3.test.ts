import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "@/server/accounts/test-users";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { createS3Store } from "@/server/platform/s3-store";
import { startS3TestServer, type S3TestServer } from "@/server/platform/s3-test-server";
import type { ObjectStore } from "@/server/platform/storage";
import { readMediaPlaylist } from "./master-playlist";
import { backfillStoryboards } from "./storyboards/backfill-storyboards";
import { transcodeVideo } from "./transcode-video";
import { partKey, uploadPartsPrefix } from "./uploads/upload-parts";
import { MASTER_PLAYLIST, MEDIA_PLAYLIST, outputPrefix, sourceKey, STORYBOARD_IMAGE, STORYBOARD_INDEX } from "./video-files";
import { makeTestVideo } from "./video-test-kit";

/**
 * The video steps that need files on disk (ffmpeg reads a source and writes
 * a ladder) with the files in S3 (an S3-protocol server, s3-test-server.ts):
 * the job stitches the upload's parts into the source in S3, each step
 * downloads the source to its scratch folder and uploads what ffmpeg made,
 * so nothing assumes the store is a disk.
 */
let server: S3TestServer;
let s3: ObjectStore;

beforeAll(async () => {
  server = await startS3TestServer();
  s3 = createS3Store(server.settings);
});
afterAll(async () => {
  await server.close();
  redis.disconnect();
  await db.$disconnect();
});

const stored = async (key: string) => Buffer.from(await new Response((await s3.getObject(key)).body).arrayBuffer());

describe("video files in S3", { timeout: 120_000 }, () => {
  it("stitches an upload's parts in S3 into its source, transcodes it into a ladder stored in S3, and backfills a storyboard from it", async () => {
    const owner = await createTestUser(db);
    const file = await fs.readFile(await makeTestVideo({ width: 320, height: 180, seconds: 3 }));
    const id = randomUUID().replaceAll("-", "").slice(0, 24);
    await db.video.create({ data: { id, ownerId: owner.id, title: "S3", status: "processing", sourceName: "clip.mp4", sourceType: "video/mp4", sourceBytes: BigInt(file.length), uploadedBytes: BigInt(file.length) } });
    // As the upload route leaves a finished upload: two PATCHes' parts, no source.
    const half = Math.floor(file.length / 2);
    await s3.putObject(partKey(id, 0, half), file.subarray(0, half), { contentType: "application/octet-stream" });
    await s3.putObject(partKey(id, half, file.length), file.subarray(half), { contentType: "application/octet-stream" });

    await transcodeVideo({ db, storage: s3, videoId: id, finalAttempt: true });
    expect(await db.video.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ready", width: 320, height: 180 });
    const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
    expect(sha256(await stored(sourceKey(id)))).toBe(sha256(file));
    expect(await s3.listObjects(uploadPartsPrefix(id))).toEqual([]);
    const master = (await stored(`${outputPrefix(id)}${MASTER_PLAYLIST}`)).toString("utf8");
    expect(master).toContain("#EXT-X-STREAM-INF:");
    const segments = readMediaPlaylist((await stored(`${outputPrefix(id)}180p/${MEDIA_PLAYLIST}`)).toString("utf8"));
    expect(segments.length).toBeGreaterThan(0);
    const keys = await s3.listObjects(outputPrefix(id));
    for (const segment of segments) expect(keys).toContain(`${outputPrefix(id)}180p/${segment.uri}`);
    expect((await s3.statObject(`${outputPrefix(id)}180p/${segments[0]?.uri}`))?.immutable).toBe(true);

    // The storyboard backfill reads the same source from S3 and stores its files beside the ladder.
    for (const name of [STORYBOARD_IMAGE, STORYBOARD_INDEX]) await s3.deleteObject(`${outputPrefix(id)}${name}`);
    await db.video.update({ where: { id }, data: { hasStoryboard: false } });
    await backfillStoryboards({ db, storage: s3 });
    expect((await db.video.findUniqueOrThrow({ where: { id } })).hasStoryboard).toBe(true);
    expect((await s3.statObject(`${outputPrefix(id)}${STORYBOARD_IMAGE}`))?.contentType).toBe("image/jpeg");
    expect((await stored(`${outputPrefix(id)}${STORYBOARD_INDEX}`)).toString("utf8")).toMatch(/^WEBVTT\n/);
  });
});
