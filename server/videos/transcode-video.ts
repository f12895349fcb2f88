import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { env, videoWorkDir } from "@/server/env";
import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { publish } from "@/server/platform/realtime";
import type { ObjectStore } from "@/server/platform/storage";
import { notifyVideoFailed, notifyVideoReady } from "./channels/notify-video-news";
import { ladderCommand } from "./ladder-command";
import { avcCodec, masterPlaylist, readMediaPlaylist, type MeasuredRendition } from "./master-playlist";
import { planLadder, type Rung } from "./plan-ladder";
import { probeVideo, type VideoFacts } from "./probe-video";
import { runProgram } from "./run-program";
import { stitchProgress } from "./uploads/stitch-progress";
import { stitchUpload } from "./uploads/stitch-upload";
import { stillsCommand } from "./stills-command";
import { planStoryboard, storyboardVtt, type StoryboardPlan } from "./storyboard";
import { VIDEO_EVENTS, videoChannel, type VideoProgressEvent, type VideoStatusEvent } from "./video-channels";
import { candidateThumbnail, contentTypeOf, initFileName, MASTER_PLAYLIST, MEDIA_PLAYLIST, outputPrefix, POSTER, sourceKey, STORYBOARD_IMAGE, STORYBOARD_INDEX, THUMBNAIL_CANDIDATES } from "./video-files";

const log = logger.child({ module: "videos" });
/** Live progress at most this often (the gateway fans it out; the database keeps a coarser copy). */
const PROGRESS_EVERY_MS = 1_000;

export type TranscodeStore = Pick<ObjectStore, "getObject" | "putObject" | "statObject" | "listObjects" | "deleteObject">;

/**
 * The transcoding job (worker, queue "transcode-video"): upload parts → source → probe →
 * one ffmpeg run for the whole ladder and the storyboard → poster and candidate thumbnails →
 * measured master playlist →
 * storage → ready. Starts from scratch every time: the scratch folder and any
 * files a killed earlier attempt stored are removed first, so a retry leaks
 * nothing; the video is served only once it is "ready", so a half-stored
 * ladder is never seen. An unusable source fails at once with ffprobe's
 * reason; any other error is retried, and the last attempt's failure marks
 * the video failed.
 */
export async function transcodeVideo({ db, storage, videoId, finalAttempt, signal }: { db: Db; storage: TranscodeStore; videoId: string; finalAttempt: boolean; signal?: AbortSignal }): Promise<void> {
  const video = await db.video.findUnique({ where: { id: videoId }, select: { id: true, status: true, ownerId: true, sourceType: true, sourceBytes: true } });
  if (video?.status !== "processing") return; // deleted, or already done by an earlier attempt

  const workDir = path.join(videoWorkDir, "transcode", videoId);
  try {
    await fs.rm(workDir, { recursive: true, force: true });
    await fs.mkdir(workDir, { recursive: true });
    await removeStoredOutputs(storage, videoId);
    // An upload's parts become the source first (a no-op once stored), not in the web request that took the last byte; false: deleted meanwhile.
    if (!(await stitchUpload({ db, storage, video, signal, onBytes: stitchProgress(videoId, Number(video.sourceBytes)) }))) return;

    const source = path.join(workDir, "source");
    const stored = await storage.getObject(sourceKey(videoId));
    await pipeline(Readable.fromWeb(stored.body as WebReadableStream<Uint8Array>), createWriteStream(source));

    const probe = await probeVideo(source);
    if (!probe.ok) {
      await markFailed(db, videoId, probe.reason);
      return;
    }
    const facts = probe.facts;
    await db.video.update({ where: { id: videoId }, data: { durationSeconds: facts.durationSeconds, width: facts.width, height: facts.height, frameRate: facts.frameRate } });

    const rungs = planLadder(facts);
    const outDir = path.join(workDir, "out");
    const storyboard = planStoryboard(facts);
    await encodeLadder({ db, videoId, source, outDir, rungs, facts, storyboard, signal });
    await fs.writeFile(path.join(outDir, STORYBOARD_INDEX), storyboardVtt(storyboard, facts.durationSeconds, STORYBOARD_IMAGE));
    await runChecked(stillsCommand({ source, outDir, durationSeconds: facts.durationSeconds, height: facts.height }), signal);

    const renditions = await Promise.all(rungs.map((rung) => measureRendition(outDir, rung, facts.hasAudio)));
    await fs.writeFile(path.join(outDir, MASTER_PLAYLIST), masterPlaylist(renditions, facts.frameRate));
    await storeOutputs(storage, videoId, video.ownerId, outDir, renditions);

    const published = await db.$transaction(async (tx) => {
      const updated = await tx.video.updateMany({ where: { id: videoId, status: "processing" }, data: { status: "ready", progress: 100, failureReason: null, publishedAt: new Date(), thumbnailCount: THUMBNAIL_CANDIDATES, hasStoryboard: true, segmentFormat: "fmp4" } });
      if (updated.count === 0) return false;
      await tx.videoRendition.deleteMany({ where: { videoId } });
      await tx.videoRendition.createMany({
        data: renditions.map((rendition) => ({ videoId, height: rendition.height, width: rendition.width, bandwidth: rendition.bandwidth, averageBandwidth: rendition.averageBandwidth, segmentCount: rendition.segmentCount })),
      });
      return true;
    });
    // Deleted while we worked: what we just stored would belong to no one.
    if (!published) await removeStoredOutputs(storage, videoId);
    else {
      await announceStatus({ videoId, status: "ready", failureReason: null });
      await notifyVideoReady({ db, videoId }).catch((error: unknown) => log.warn({ videoId, err: String(error) }, "could not queue the ready notifications"));
    }
  } catch (error) {
    log.warn({ videoId, err: error instanceof Error ? error.message : String(error), finalAttempt }, "transcoding failed");
    if (finalAttempt) {
      await removeStoredOutputs(storage, videoId);
      await markFailed(db, videoId, "Transcoding failed. The file may be damaged; try exporting it again and uploading the new file.");
      return;
    }
    throw error;
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
}

async function encodeLadder({ db, videoId, source, outDir, rungs, facts, storyboard, signal }: { db: Db; videoId: string; source: string; outDir: string; rungs: Rung[]; facts: VideoFacts; storyboard: StoryboardPlan; signal?: AbortSignal }): Promise<void> {
  for (const rung of rungs) await fs.mkdir(path.join(outDir, rung.name), { recursive: true });
  let lastSent = 0;
  let lastPercent = -1;
  const names = rungs.map((rung) => rung.name);
  const report = (percent: number) => {
    lastPercent = percent;
    lastSent = Date.now();
    const event: VideoProgressEvent = { videoId, percent, renditions: names };
    void publish(videoChannel(videoId), VIDEO_EVENTS.progress, event).catch(() => undefined);
    void db.video.update({ where: { id: videoId }, data: { progress: percent } }).catch(() => undefined);
  };
  report(0);
  const result = await runProgram("ffmpeg", ladderCommand({ source, outDir, rungs, frameRate: facts.frameRate, hasAudio: facts.hasAudio, preset: env.VIDEO_X264_PRESET, storyboard: { plan: storyboard, output: path.join(outDir, STORYBOARD_IMAGE) } }), {
    signal,
    onLine: (line) => {
      if (!line.startsWith("out_time_us=")) return;
      const seconds = Number(line.slice("out_time_us=".length)) / 1e6;
      // 99 until the playlists are stored: "100" means playable.
      const percent = Math.max(0, Math.min(99, Math.floor((seconds / facts.durationSeconds) * 100)));
      if (percent > lastPercent && Date.now() - lastSent >= PROGRESS_EVERY_MS) report(percent);
    },
  });
  if (result.code !== 0) throw new Error(`ffmpeg exited with ${result.code}: ${result.stderr.slice(-500)}`);
}

async function runChecked(args: string[], signal?: AbortSignal): Promise<void> {
  const result = await runProgram("ffmpeg", args, { signal });
  if (result.code !== 0) throw new Error(`ffmpeg exited with ${result.code}: ${result.stderr.slice(-500)}`);
}

/** Peak and average bit rates from the segments' sizes and durations, and the codec string from the first segment. */
async function measureRendition(outDir: string, rung: Rung, hasAudio: boolean): Promise<MeasuredRendition> {
  const folder = path.join(outDir, rung.name);
  const segments = readMediaPlaylist(await fs.readFile(path.join(folder, MEDIA_PLAYLIST), "utf8"));
  let peak = 0;
  let bytes = 0;
  let seconds = 0;
  for (const segment of segments) {
    const size = (await fs.stat(path.join(folder, segment.uri))).size;
    bytes += size;
    seconds += segment.duration;
    if (segment.duration > 0) peak = Math.max(peak, (size * 8) / segment.duration);
  }
  // The initialisation segment alone has no frames, so ffprobe reads no level from it: the first media segment after it (concat: joins the bytes).
  const firstSegment = `concat:${path.join(folder, initFileName(rung.name))}|${path.join(folder, segments[0]?.uri ?? "")}`;
  const probe = await runProgram("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=profile,level", "-of", "json", firstSegment]);
  const stream = (JSON.parse(probe.stdout || "{}") as { streams?: Array<{ profile?: string; level?: number }> }).streams?.[0];
  const video = avcCodec(stream?.profile ?? "High", stream?.level ?? 40);
  return {
    ...rung,
    bandwidth: Math.ceil(peak),
    averageBandwidth: Math.ceil(seconds > 0 ? (bytes * 8) / seconds : peak),
    codecs: hasAudio ? `${video},mp4a.40.2` : video,
    segmentCount: segments.length,
  };
}

/** Segments (initialisation and media) first, then media playlists, the master last: nothing refers to a file not yet stored. */
async function storeOutputs(storage: TranscodeStore, videoId: string, ownerId: string, outDir: string, renditions: readonly MeasuredRendition[]): Promise<void> {
  const put = (relative: string, immutable: boolean) =>
    storage.putObject(`${outputPrefix(videoId)}${relative}`, createReadStream(path.join(outDir, relative)), {
      contentType: contentTypeOf(relative),
      ownerId,
      // Who may watch is the video's visibility, checked on every request (serve-video-file.ts); the files stay private to storage.
      visibility: "private",
      immutable,
    });
  for (const rendition of renditions) {
    const files = (await fs.readdir(path.join(outDir, rendition.name))).filter((file) => file !== MEDIA_PLAYLIST).sort();
    for (const file of files) await put(`${rendition.name}/${file}`, true);
    await put(`${rendition.name}/${MEDIA_PLAYLIST}`, false);
  }
  await put(POSTER, false);
  for (let index = 1; index <= THUMBNAIL_CANDIDATES; index++) await put(candidateThumbnail(index), false);
  await put(STORYBOARD_IMAGE, false);
  await put(STORYBOARD_INDEX, false);
  await put(MASTER_PLAYLIST, false);
}

/** Every file a transcoding attempt may have stored (not the source). */
export async function removeStoredOutputs(storage: Pick<ObjectStore, "listObjects" | "deleteObject">, videoId: string): Promise<void> {
  for (const key of await storage.listObjects(outputPrefix(videoId))) await storage.deleteObject(key);
}

async function markFailed(db: Db, videoId: string, reason: string): Promise<void> {
  await db.video.updateMany({ where: { id: videoId }, data: { status: "failed", failureReason: reason } });
  await announceStatus({ videoId, status: "failed", failureReason: reason });
  await notifyVideoFailed({ db, videoId, reason }).catch((error: unknown) => log.warn({ videoId, err: String(error) }, "could not queue the failure notification"));
}

async function announceStatus(event: VideoStatusEvent): Promise<void> {
  await publish(videoChannel(event.videoId), VIDEO_EVENTS.status, event).catch((error: unknown) => log.warn({ err: String(error) }, "could not announce video status"));
}
