import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { videoWorkDir } from "@/server/env";
import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import type { ObjectStore } from "@/server/platform/storage";
import { runProgram } from "../run-program";
import { planStoryboard, storyboardFilter, storyboardVtt } from "../storyboard";
import { contentTypeOf, outputPrefix, sourceKey, STORYBOARD_IMAGE, STORYBOARD_INDEX } from "../video-files";

const log = logger.child({ module: "video-storyboards" });

export type BackfillStore = Pick<ObjectStore, "getObject" | "putObject" | "deleteObject">;

/**
 * Storyboards for videos transcoded before the job made them (hasStoryboard
 * false): one ready video at a time, from its kept source, with the
 * transcoding job's own filter and WebVTT (storyboard.ts), stored beside its
 * ladder, then flagged, so the seek bar previews appear. Idempotent: a video
 * that has one is never touched again, and files written before a crash are
 * overwritten by the next run. A video whose source cannot be read is
 * skipped (logged) and the run goes on. Answers how many it made.
 */
export async function backfillStoryboards({ db, storage, signal }: { db: Db; storage: BackfillStore; signal?: AbortSignal }): Promise<number> {
  let made = 0;
  let after = "";
  for (;;) {
    if (signal?.aborted) return made;
    const video = await db.video.findFirst({
      where: { id: { gt: after }, status: "ready", hasStoryboard: false, durationSeconds: { gt: 0 }, width: { gt: 0 }, height: { gt: 0 } },
      orderBy: { id: "asc" },
      select: { id: true, ownerId: true, durationSeconds: true, width: true, height: true },
    });
    if (!video) return made;
    after = video.id;
    try {
      await makeStoryboard({ storage, video: { ...video, durationSeconds: video.durationSeconds ?? 0, width: video.width ?? 0, height: video.height ?? 0 }, signal });
      const { count } = await db.video.updateMany({ where: { id: video.id, hasStoryboard: false }, data: { hasStoryboard: true } });
      made += count;
      // Deleted while we worked (its files were removed before ours were stored): ours would belong to no one.
      if (count === 0 && !(await db.video.findUnique({ where: { id: video.id }, select: { id: true } }))) {
        for (const file of [STORYBOARD_INDEX, STORYBOARD_IMAGE]) await storage.deleteObject(`${outputPrefix(video.id)}${file}`);
      }
    } catch (error) {
      log.warn({ videoId: video.id, err: error instanceof Error ? error.message : String(error) }, "could not make a storyboard for an older video");
    }
  }
}

async function makeStoryboard({ storage, video, signal }: { storage: BackfillStore; video: { id: string; ownerId: string; durationSeconds: number; width: number; height: number }; signal?: AbortSignal }): Promise<void> {
  const workDir = path.join(videoWorkDir, "storyboards", video.id);
  await fs.rm(workDir, { recursive: true, force: true });
  await fs.mkdir(workDir, { recursive: true });
  try {
    const source = path.join(workDir, "source");
    const stored = await storage.getObject(sourceKey(video.id));
    await pipeline(Readable.fromWeb(stored.body as WebReadableStream<Uint8Array>), createWriteStream(source));
    const plan = planStoryboard(video);
    const image = path.join(workDir, STORYBOARD_IMAGE);
    const result = await runProgram("ffmpeg", ["-hide_banner", "-nostdin", "-y", "-i", source, "-an", "-vf", storyboardFilter(plan), "-frames:v", "1", "-c:v", "mjpeg", "-q:v", "4", image], { signal });
    if (result.code !== 0) throw new Error(`ffmpeg exited with ${result.code}: ${result.stderr.slice(-500)}`);
    const options = (file: string) => ({ contentType: contentTypeOf(file), ownerId: video.ownerId, visibility: "private" as const, immutable: false });
    // The sheet before its index: the index never names a missing picture.
    await storage.putObject(`${outputPrefix(video.id)}${STORYBOARD_IMAGE}`, await fs.readFile(image), options(STORYBOARD_IMAGE));
    await storage.putObject(`${outputPrefix(video.id)}${STORYBOARD_INDEX}`, Buffer.from(storyboardVtt(plan, video.durationSeconds, STORYBOARD_IMAGE)), options(STORYBOARD_INDEX));
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
}
