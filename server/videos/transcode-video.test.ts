import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { createTestUser, signUpWithCookie } from "@/server/accounts/test-users";
import { videoWorkDir } from "@/server/env";
import { processors } from "@/server/jobs/processors";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { storage } from "@/server/platform/storage";
import { errorAnswer } from "@/server/web/answer";
import { FetchWebRequest } from "@/server/web/fetch-request";
import { readMediaPlaylist } from "./master-playlist";
import { runProgram } from "./run-program";
import { videoFileRoute } from "./serve-video-file";
import { transcodeVideo } from "./transcode-video";
import { outputPrefix, sourceKey } from "./video-files";
import { makeTestAudio, makeTestVideo } from "./video-test-kit";

/**
 * The transcoding job on real ffmpeg runs over tiny sources (a few seconds,
 * a few frames per second): the validation chain's ffprobe half, the ladder's
 * shape, never-upscale and portrait sources, leak-free retries, and who may
 * fetch the files. Generous timeouts: each encode shares 2 cores with other work.
 */
afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

/** A video whose upload finished: the source in storage, status "processing", as finish-video-upload.ts leaves it. */
async function storedVideo(file: string, visibility: "public" | "unlisted" | "private" = "public", ownerId?: string) {
  const owner = ownerId ?? (await createTestUser(db)).id;
  const size = (await fs.stat(file)).size;
  const video = await db.video.create({
    data: { id: `t${Math.random().toString(16).slice(2, 14)}`, ownerId: owner, title: "Test", visibility, status: "processing", sourceName: path.basename(file), sourceType: "video/mp4", sourceBytes: BigInt(size) },
  });
  await storage.putObject(sourceKey(video.id), createReadStream(file), { contentType: "video/mp4", ownerId: owner, visibility: "private" });
  return video;
}

async function readStored(key: string): Promise<string> {
  return new Response((await storage.getObject(key)).body).text();
}

async function readStoredBytes(key: string): Promise<Buffer> {
  return Buffer.from(await new Response((await storage.getObject(key)).body).arrayBuffer());
}

function fetchFile(videoId: string, file: string, cookie?: string) {
  const request = new FetchWebRequest(new Request(`http://localhost/api/videos/${videoId}/hls/${file}`, { headers: cookie ? { cookie } : {} }));
  const parts = file.split("/");
  request.params = parts.length === 2 ? { videoId, rendition: parts[0] as string, file: parts[1] as string } : { videoId, file };
  // As the route runner answers: a refusal thrown becomes its status.
  return videoFileRoute(request).catch((error: unknown) => errorAnswer(error, request.path));
}

describe("the ffprobe half of the validation chain", { timeout: 90_000 }, () => {
  it("fails a text file renamed .mp4 as not a video, keeping nothing but the source", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-video-test-"));
    const file = path.join(dir, "notes.mp4");
    await fs.writeFile(file, "These are my notes, not a video.\n".repeat(50));
    const video = await storedVideo(file);
    await processors["transcode-video"]({ videoId: video.id }, { timestamp: Date.now() });
    expect(await db.video.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({ status: "failed", failureReason: "This file is not a video we can read." });
    expect(await storage.listObjects(outputPrefix(video.id))).toEqual([]);
  });

  it("fails an audio-only file as having no video stream", async () => {
    const video = await storedVideo(await makeTestAudio(1));
    await processors["transcode-video"]({ videoId: video.id }, { timestamp: Date.now() });
    expect(await db.video.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({ status: "failed", failureReason: "This file has no video stream (it holds only audio)." });
  });
});

describe("the ladder", { timeout: 90_000 }, () => {
  it("is one rendition per rung up to the source, with a complete master playlist, segments of at most 6 s starting on keyframes", async () => {
    const video = await storedVideo(await makeTestVideo({ width: 640, height: 360, seconds: 9 }));
    await processors["transcode-video"]({ videoId: video.id }, { timestamp: Date.now() });
    const done = await db.video.findUniqueOrThrow({ where: { id: video.id }, include: { renditions: { orderBy: { height: "asc" } } } });
    expect(done).toMatchObject({ status: "ready", progress: 100, width: 640, height: 360, durationSeconds: 9, frameRate: 10 });
    expect(done.renditions.map((rendition) => `${rendition.width}x${rendition.height}`)).toEqual(["426x240", "640x360"]);

    const master = await readStored(`${outputPrefix(video.id)}master.m3u8`);
    const variants = master.split("\n").filter((line) => line.startsWith("#EXT-X-STREAM-INF:"));
    expect(variants).toHaveLength(2);
    for (const variant of variants) {
      expect(variant).toMatch(/BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,RESOLUTION=\d+x\d+,CODECS="avc1\.6400[0-9a-f]{2},mp4a\.40\.2",FRAME-RATE=10\.000/);
    }
    expect(master).toContain("240p/index.m3u8");

    for (const name of ["240p", "360p"]) {
      const playlist = await readStored(`${outputPrefix(video.id)}${name}/index.m3u8`);
      // Fragmented MP4: the playlist names the rendition's initialisation segment, which every media segment needs.
      expect(playlist).toContain(`#EXT-X-MAP:URI="init-${name}.mp4"`);
      expect(await storage.statObject(`${outputPrefix(video.id)}${name}/init-${name}.mp4`)).toMatchObject({ contentType: "video/mp4" });
      const init = await readStoredBytes(`${outputPrefix(video.id)}${name}/init-${name}.mp4`);
      const segments = readMediaPlaylist(playlist);
      expect(segments.length).toBe(3);
      for (const segment of segments) expect(segment.uri).toMatch(/^seg-\d{5}\.m4s$/);
      for (const segment of segments) expect(segment.duration).toBeLessThanOrEqual(6);
      expect(segments.reduce((sum, segment) => sum + segment.duration, 0)).toBeCloseTo(9, 0);
      // Each segment opens on a keyframe, at the same instants in every rendition (aligned switching points).
      for (const segment of segments) {
        const file = path.join(os.tmpdir(), `casebook-seg-${video.id}-${name}-${segment.uri}.mp4`);
        await fs.writeFile(file, Buffer.concat([init, await readStoredBytes(`${outputPrefix(video.id)}${name}/${segment.uri}`)]));
        const probe = await runProgram("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=flags", "-read_intervals", "%+#1", "-of", "csv=p=0", file]);
        expect(probe.stdout.trim().startsWith("K")).toBe(true);
        await fs.rm(file);
      }
    }
    // The poster and the candidate thumbnails the owner may choose instead (edit/), each a picture of the video's aspect.
    expect(done.thumbnailCount).toBe(3);
    for (const still of ["poster.jpg", "thumb-1.jpg", "thumb-2.jpg", "thumb-3.jpg"]) {
      expect(await storage.statObject(`${outputPrefix(video.id)}${still}`), still).toMatchObject({ contentType: "image/jpeg" });
      const picture = await sharp(await readStoredBytes(`${outputPrefix(video.id)}${still}`)).metadata();
      expect(`${picture.width}x${picture.height}`, still).toBe("640x360");
    }
    // The storyboard: a tile a second, 160×90, in one row of 9, and its WebVTT index (storyboard.test.ts has the shape).
    expect(done.hasStoryboard).toBe(true);
    const sheet = await sharp(await readStoredBytes(`${outputPrefix(video.id)}storyboard.jpg`)).metadata();
    expect(`${sheet.width}x${sheet.height}`).toBe("1440x90");
    const index = await readStored(`${outputPrefix(video.id)}storyboard.vtt`);
    expect(index.match(/ --> /g)).toHaveLength(9);
    expect(index).toContain("00:00:08.000 --> 00:00:09.000\nstoryboard.jpg#xywh=1280,0,160,90");
  });

  it("never upscales a tiny source, and keeps a portrait source portrait", async () => {
    const tiny = await storedVideo(await makeTestVideo({ width: 160, height: 90, seconds: 2, audio: false }));
    const portrait = await storedVideo(await makeTestVideo({ width: 360, height: 640, seconds: 2 }));
    await processors["transcode-video"]({ videoId: tiny.id }, { timestamp: Date.now() });
    await processors["transcode-video"]({ videoId: portrait.id }, { timestamp: Date.now() });
    const renditions = (videoId: string) => db.videoRendition.findMany({ where: { videoId }, orderBy: { height: "asc" } }).then((rows) => rows.map((row) => `${row.width}x${row.height}`));
    expect(await renditions(tiny.id)).toEqual(["160x90"]);
    expect(await renditions(portrait.id)).toEqual(["240x426", "360x640"]);
    // No audio in the source: the ladder has none either, and says so.
    expect(await readStored(`${outputPrefix(tiny.id)}master.m3u8`)).toMatch(/CODECS="avc1\.[0-9a-f]{6}"/);
  });

  it("scales the rungs below 720p from the 720p picture and still makes every rung, full length", async () => {
    const video = await storedVideo(await makeTestVideo({ width: 1280, height: 720, seconds: 2, fps: 5 }));
    await processors["transcode-video"]({ videoId: video.id }, { timestamp: Date.now() });
    const done = await db.video.findUniqueOrThrow({ where: { id: video.id }, include: { renditions: { orderBy: { height: "asc" } } } });
    expect(done.status).toBe("ready");
    expect(done.renditions.map((rendition) => `${rendition.width}x${rendition.height}`)).toEqual(["426x240", "640x360", "854x480", "1280x720"]);
    for (const name of ["240p", "480p", "720p"]) {
      const segments = readMediaPlaylist(await readStored(`${outputPrefix(video.id)}${name}/index.m3u8`));
      expect(segments.reduce((sum, segment) => sum + segment.duration, 0)).toBeCloseTo(2, 0);
    }
  });
});

describe("retries", { timeout: 90_000 }, () => {
  it("a re-run after a killed attempt starts clean: the stale scratch folder and stored files are gone, nothing else is left", async () => {
    const video = await storedVideo(await makeTestVideo({ width: 320, height: 240, seconds: 2 }));
    // What a worker killed mid-job leaves: scratch files, and outputs it had begun to store.
    const scratch = path.join(videoWorkDir, "transcode", video.id);
    await fs.mkdir(path.join(scratch, "out", "999p"), { recursive: true });
    await fs.writeFile(path.join(scratch, "out", "999p", "seg-00000.ts"), "partial");
    await storage.putObject(`${outputPrefix(video.id)}999p/seg-00000.ts`, Buffer.from("stale"), { contentType: "video/mp2t", ownerId: video.ownerId });

    // An attempt cut short (its ffmpeg killed) cleans its own scratch folder and leaves the video to the retry.
    const abort = new AbortController();
    const attempt = transcodeVideo({ db, storage, videoId: video.id, finalAttempt: false, signal: abort.signal });
    abort.abort();
    await expect(attempt).rejects.toThrow();
    expect((await db.video.findUniqueOrThrow({ where: { id: video.id } })).status).toBe("processing");

    await transcodeVideo({ db, storage, videoId: video.id, finalAttempt: true });
    await expect(fs.stat(scratch)).rejects.toThrow();
    const stored = await storage.listObjects(outputPrefix(video.id));
    const renditions = await db.videoRendition.findMany({ where: { videoId: video.id } });
    const expected = ["master.m3u8", "poster.jpg", "thumb-1.jpg", "thumb-2.jpg", "thumb-3.jpg", "storyboard.jpg", "storyboard.vtt", ...renditions.flatMap((rendition) => [`${rendition.height}p/index.m3u8`, `${rendition.height}p/init-${rendition.height}p.mp4`, ...Array.from({ length: rendition.segmentCount }, (_, index) => `${rendition.height}p/seg-${String(index).padStart(5, "0")}.m4s`)])];
    expect(stored.map((key) => key.slice(outputPrefix(video.id).length)).sort()).toEqual(expected.sort());
  });
});

describe("serving", { timeout: 90_000 }, () => {
  it("serves a public video's playlists and segments with their types and caching, and a private one to its owner only", async () => {
    const owner = await signUpWithCookie("Video Owner");
    const other = await signUpWithCookie("Someone Else");
    const source = await makeTestVideo({ width: 320, height: 240, seconds: 2 });
    const open = await storedVideo(source, "public", owner.id);
    const secret = await storedVideo(source, "private", owner.id);
    await processors["transcode-video"]({ videoId: open.id }, { timestamp: Date.now() });
    await processors["transcode-video"]({ videoId: secret.id }, { timestamp: Date.now() });

    const master = await fetchFile(open.id, "master.m3u8");
    expect(master.status).toBe(200);
    expect(master.headers).toMatchObject({ "content-type": "application/vnd.apple.mpegurl", "cache-control": "public, max-age=10" });
    const segment = await fetchFile(open.id, "240p/seg-00000.m4s");
    expect(segment.headers).toMatchObject({ "content-type": "video/iso.segment", "cache-control": "public, max-age=31536000, immutable" });
    expect((await fetchFile(open.id, "240p/init-240p.mp4")).headers).toMatchObject({ "content-type": "video/mp4", "cache-control": "public, max-age=31536000, immutable" });

    expect((await fetchFile(open.id, "storyboard.vtt")).headers).toMatchObject({ "content-type": "text/vtt", "cache-control": "public, max-age=10" });
    for (const file of ["master.m3u8", "240p/index.m3u8", "240p/init-240p.mp4", "240p/seg-00000.m4s", "poster.jpg", "storyboard.jpg", "storyboard.vtt"]) {
      expect((await fetchFile(secret.id, file)).status, `${file}, signed out`).toBe(404);
      expect((await fetchFile(secret.id, file, other.cookie)).status, `${file}, another user`).toBe(404);
      const mine = await fetchFile(secret.id, file, owner.cookie);
      expect(mine.status, `${file}, its owner`).toBe(200);
      expect(mine.headers?.["cache-control"]).toMatch(/^private, /);
    }
    // Only a ladder's own names: never the source, nothing outside the video's folder.
    for (const file of ["source", "240p/../source", "..%2Fsource", "240p/source"]) expect((await fetchFile(open.id, file)).status).toBe(404);
  });
});
