import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import type { ObjectStore } from "@/server/platform/storage";
import { finishVideoUpload, queueTranscode } from "../finish-video-upload";
import { runProgram } from "../run-program";
import { sourceKey } from "../video-files";
import { viewWeightLog2 } from "../trending/trending-score";
import { TRENDING_KEY } from "../views/view-keys";
import { DEMO_VIDEOS, type DemoVideo } from "./demo-videos";

export type VideoSeedResult = { videosCreated: number; transcodesQueued: number };

const HOUR_MS = 3_600_000;

/** The id a demo video always gets, so a second start finds it instead of making another. */
export function demoVideoId(slug: string): string {
  return createHash("sha256").update(`casebook-demo-video:${slug}`).digest("hex").slice(0, 24);
}

/**
 * The demo videos, idempotent. A clip missing from the database is made by
 * ffmpeg from its test sources, stored as its source and queued for
 * transcoding as an upload is when its last byte arrives (finish-video-upload.ts): the
 * worker turns it into the same HLS ladder as any upload, after the seed
 * (startup does not wait for it). Its demo views, trending score, likes,
 * comments, subscribers and watchers come with it, once. A clip an earlier
 * start left "processing" is queued again (its job id is the video id, so a
 * job still waiting is not doubled); a ready or failed one is left alone.
 * `people`: the demo accounts' ids; a clip's `channel` indexes them.
 */
export async function seedDemoVideos({
  db,
  redis,
  storage,
  people,
  videos = DEMO_VIDEOS,
  now = new Date(),
}: {
  db: Db;
  redis: Redis;
  storage: Pick<ObjectStore, "putObject">;
  people: readonly string[];
  videos?: readonly DemoVideo[];
  now?: Date;
}): Promise<VideoSeedResult> {
  const result: VideoSeedResult = { videosCreated: 0, transcodesQueued: 0 };
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-demo-videos-"));
  try {
    for (const video of videos) {
      const ownerId = people[video.channel];
      if (!ownerId) continue;
      const id = demoVideoId(video.slug);
      const existing = await db.video.findUnique({ where: { id }, select: { status: true } });
      if (existing?.status === "ready" || existing?.status === "failed") continue;
      if (existing?.status === "processing") {
        await queueTranscode(id);
        result.transcodesQueued++;
        continue;
      }
      const file = path.join(workDir, `${video.slug}.mp4`);
      await makeDemoClip(video, file);
      const bytes = (await fs.stat(file)).size;
      if (!existing) {
        await db.video.create({
          data: { id, ownerId, title: video.title, description: video.description, tags: video.tags, visibility: "public", sourceName: `${video.slug}.mp4`, sourceType: "video/mp4", sourceBytes: BigInt(bytes), viewCount: video.views, createdAt: now },
        });
        await addDemoAudience({ db, redis, video, videoId: id, ownerId, people, now });
        result.videosCreated++;
      }
      // The source is stored whole here (no upload parts): the job's stitch finds it and goes straight on.
      await storage.putObject(sourceKey(id), createReadStream(file), { contentType: "video/mp4", ownerId, visibility: "private" });
      await finishVideoUpload({ db, videoId: id });
      result.transcodesQueued++;
    }
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
  return result;
}

/** ffmpeg's own test sources (lavfi), encoded fast: the seed runs before the app starts. */
export function demoClipCommand(video: DemoVideo, output: string): string[] {
  return [
    "-hide_banner", "-nostdin", "-y",
    "-f", "lavfi", "-i", video.picture,
    "-f", "lavfi", "-i", video.sound,
    "-t", String(video.seconds),
    "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
    "-c:a", "aac", "-b:a", "96k", "-ac", "2",
    output,
  ];
}

async function makeDemoClip(video: DemoVideo, output: string): Promise<void> {
  const made = await runProgram("ffmpeg", demoClipCommand(video, output));
  if (made.code !== 0) throw new Error(`could not make the demo video "${video.slug}": ${made.stderr.slice(-500)}`);
}

/**
 * The people around a demo video: every other demo person subscribes to its
 * channel, likes it and has watched part of it (so "Continue watching" and
 * co-watching have something), its comments are posted, and its views count
 * in trending as if they had happened in the last hours.
 */
async function addDemoAudience({ db, redis, video, videoId, ownerId, people, now }: { db: Db; redis: Redis; video: DemoVideo; videoId: string; ownerId: string; people: readonly string[]; now: Date }): Promise<void> {
  const others = people.filter((id) => id !== ownerId);
  await db.videoSubscription.createMany({ data: others.map((subscriberId) => ({ subscriberId, channelId: ownerId })), skipDuplicates: true });
  await db.videoReaction.createMany({ data: others.map((userId) => ({ userId, videoId, value: "like" as const })), skipDuplicates: true });
  await db.videoWatch.createMany({
    data: others.map((userId, index) => ({ userId, videoId, positionSeconds: video.seconds * (0.4 + 0.2 * (index % 3)), watchedAt: new Date(now.getTime() - (index + 1) * HOUR_MS) })),
    skipDuplicates: true,
  });
  for (const [index, comment] of video.comments.entries()) {
    const authorId = others[comment.by % others.length];
    if (authorId) await db.videoComment.create({ data: { videoId, authorId, body: comment.text, createdAt: new Date(now.getTime() - (video.comments.length - index) * HOUR_MS) } });
  }
  // n views now weigh log2(n) above one view now (trending-score.ts).
  await redis.zadd(TRENDING_KEY, "NX", viewWeightLog2(now.getTime()) + Math.log2(Math.max(1, video.views)), videoId);
}
