/**
 * `npm run bench:video [-- --quick]`
 *
 * Transcoding (bench/video/transcode.ts): a synthetic 1080p30 source with
 * motion and noise (60 s; 20 s with --quick) through the transcoding job's own
 * ffmpeg command into the full ladder (240p–1080p), against the baseline of
 * the same source encoded to its 720p rung alone, in the same run:
 * transcode_speed_x and baseline_speed_x are seconds of video per second of
 * wall time (≥ 1 is faster than realtime). A labelled row times the same ladder
 * on that picture re-encoded at a phone camera's 17 Mbps (the source itself is
 * about 200 Mbps of per-frame noise, whose decoding alone is a quarter of the work).
 *
 * Serving and playback (unless --transcode-only): a short 720p clip goes
 * through the stack's real worker (queued like an upload), then autocannon
 * fetches one of its segments through the app's file route
 * (/api/videos/<id>/hls/..., answered before Next) against a bare node:http
 * server streaming the same file; headless Chromium measures navigation →
 * first `playing` on the watch page (median of 10; 5 with --quick), and on
 * each page a seek to an unbuffered position until `seeked` (seek_ms, median).
 *
 * `--first-frame-only`: no transcoding figures and no segment load, for
 * comparing the watch page's ttff_ms between builds (a 20 s source; 10
 * samples, 5 with --quick); each sample's milestones are printed too.
 *
 * BASE_URL set: uses that running app (stack.json of DATA_DIR); otherwise a
 * throwaway stack on free ports. The bench's user and video are deleted after.
 */
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { env } from "../server/env";
import { PrismaClient } from "../server/generated/prisma/client";
import { ensureSystemProgram } from "../scripts/stack/system-packages";
import { createLocalDiskStore } from "../server/platform/local-disk-store";
import { initFileName, segmentFileName } from "../server/videos/video-files";
import { startBenchStack } from "./support/bench-stack";
import { measureFirstFrame } from "./video/first-frame";
import { measureRps, startStaticServer } from "./video/serving";
import { benchRungs, makePhoneBitrateCopy, makeSource, timeLadder } from "./video/transcode";

const quick = process.argv.includes("--quick");
const transcodeOnly = process.argv.includes("--transcode-only");
const firstFrameOnly = process.argv.includes("--first-frame-only");
const SOURCE_SECONDS = quick || firstFrameOnly ? 20 : 60;
const FIRST_FRAME_SAMPLES = quick ? 5 : 10;
const LOAD_SECONDS = quick ? 5 : 10;
/** The transcoding job's own preset (VIDEO_X264_PRESET): the headline is what a user runs. */
const PRESET = env.VIDEO_X264_PRESET;
const log = (line: string) => console.log(line);
const results: Array<[string, number]> = [];

// A fresh machine may lack ffmpeg: install it from Debian as `npm start` and `npm test` do.
ensureSystemProgram("ffmpeg", log);
const work = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-bench-video-"));
try {
  log(`Making a ${SOURCE_SECONDS} s 1080p30 source with motion and noise...`);
  const source = path.join(work, "source.mp4");
  await makeSource(source, SOURCE_SECONDS);

  const { ladder, baseline } = benchRungs();
  if (firstFrameOnly) {
    // The clip the watch page plays is cut from a 720p rendition: the baseline rung alone, untimed.
    await timeLadder(source, path.join(work, "ladder"), baseline, PRESET);
    await measureServing(path.join(work, "ladder"), { segmentLoad: false });
  } else {
    log(`Baseline: the 720p rung alone (x264 ${PRESET})...`);
    const baselineSeconds = await timeLadder(source, path.join(work, "baseline"), baseline, PRESET);
    log(`Full ladder: ${ladder.map((rung) => rung.name).join(", ")} and the storyboard in one ffmpeg run...`);
    // The job's whole run: the ladder and the storyboard's branch of the same decode.
    const ladderSeconds = await timeLadder(source, path.join(work, "ladder"), ladder, PRESET, SOURCE_SECONDS);
    results.push(["transcode_wall_s", round(ladderSeconds)], ["transcode_speed_x", round(SOURCE_SECONDS / ladderSeconds)]);
    results.push(["baseline_wall_s", round(baselineSeconds)], ["baseline_speed_x", round(SOURCE_SECONDS / baselineSeconds)]);
    log("Labelled row: the same picture at a phone camera's bitrate (17 Mbps), full ladder...");
    const phoneSource = path.join(work, "source-17mbps.mp4");
    await makePhoneBitrateCopy(source, phoneSource);
    const phoneSeconds = await timeLadder(phoneSource, path.join(work, "ladder-17mbps"), ladder, PRESET, SOURCE_SECONDS);
    results.push(["transcode_17mbps_source_speed_x", round(SOURCE_SECONDS / phoneSeconds)]);
    if (!transcodeOnly) await measureServing(path.join(work, "ladder"), { segmentLoad: true });
  }

  log("\n figure                     value");
  for (const [name, value] of results) log(` ${name.padEnd(26)} ${value}`);
  log(`\nMachine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, load average ${os.loadavg()[0]?.toFixed(1)} at the end: figures on a shared machine are provisional.`);
  for (const [name, value] of results) console.log(`RESULT ${name}=${value}`);
} finally {
  await fs.rm(work, { recursive: true, force: true });
}

/** A public clip through the stack's worker, then its segments over HTTP (unless `segmentLoad` is false) and its first frame in Chromium. */
async function measureServing(ladderDir: string, { segmentLoad }: { segmentLoad: boolean }): Promise<void> {
  const stack = await startBenchStack({ name: "video", env: {}, log });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: stack.databaseUrl }) });
  const redis = new Redis(stack.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue("transcode-video", { connection: redis, prefix: "casebook:jobs" });
  const storage = createLocalDiskStore(path.join(stack.dataDir, "storage"));
  const suffix = Date.now().toString(36);
  const user = await db.user.create({ data: { id: `bench-video-${suffix}`, name: "Bench Video", email: `bench-video-${suffix}@bench.casebook.dev`, username: `bench_video_${suffix}` } });
  try {
    // The first 20 s of the 720p rendition made above (a real H.264+AAC file), as an upload would arrive:
    // long enough that a seek near its end, right after the first frame, lands where nothing is buffered yet.
    // (Fragmented MP4: the rendition's initialisation segment and its first segments make one playable file.)
    const clip = path.join(ladderDir, "clip.mp4");
    const segments = (await fs.readdir(path.join(ladderDir, "720p"))).filter((file) => file.endsWith(".m4s")).sort().slice(0, 5);
    await fs.writeFile(clip, Buffer.concat(await Promise.all([initFileName("720p"), ...segments].map((file) => fs.readFile(path.join(ladderDir, "720p", file))))));
    const video = await db.video.create({
      data: { id: `bench${suffix}`, ownerId: user.id, title: "Bench clip", visibility: "public", status: "processing", sourceName: "clip.mp4", sourceType: "video/mp4", sourceBytes: BigInt((await fs.stat(clip)).size) },
    });
    await storage.putObject(`videos/${video.id}/source`, createReadStream(clip), { contentType: "video/mp4", ownerId: user.id });
    log(`Transcoding a ${segments.length * 4} s 720p clip on the stack's worker...`);
    await queue.add("transcode-video", { videoId: video.id }, { jobId: video.id, attempts: 1 });
    const deadline = Date.now() + 180_000;
    while ((await db.video.findUniqueOrThrow({ where: { id: video.id } })).status === "processing" && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    const done = await db.video.findUniqueOrThrow({ where: { id: video.id } });
    if (done.status !== "ready") throw new Error(`the clip did not become ready: ${done.status} ${done.failureReason ?? ""}`);

    if (segmentLoad) {
      const segment = `videos/${video.id}/hls/720p/${segmentFileName(0)}`;
      const local = path.join(stack.dataDir, "storage", "objects", segment);
      const baseline = await startStaticServer(local);
      try {
        log(`Segment serving, ${LOAD_SECONDS} s each: static node:http baseline, then the app's file route...`);
        const staticRun = await measureRps(baseline.url, LOAD_SECONDS);
        const appRun = await measureRps(`${stack.webUrl}/api/videos/${video.id}/hls/720p/${segmentFileName(0)}`, LOAD_SECONDS);
        if (appRun.errors > 0) log(`  the app answered ${appRun.errors} requests with an error`);
        results.push(["segment_rps", appRun.rps], ["static_baseline_rps", staticRun.rps], ["segment_ratio_vs_baseline_x", round(appRun.rps / Math.max(1, staticRun.rps))], ["segment_p99_ms", appRun.p99]);
      } finally {
        await baseline.close();
      }
    }

    log(`Time to first frame and to a seek to an unbuffered position, ${FIRST_FRAME_SAMPLES} samples...`);
    const { firstFrame, seek } = await measureFirstFrame(`${stack.webUrl}/videos/${video.id}`, FIRST_FRAME_SAMPLES, log);
    results.push(["ttff_ms", median(firstFrame)]);
    if (seek.length > 0) results.push(["seek_ms", median(seek)]);
    else log("  seek_ms omitted: no seek sample landed on an unbuffered position");
  } finally {
    await db.video.deleteMany({ where: { ownerId: user.id } });
    for (const key of await storage.listObjects(`videos/bench${suffix}/`)) await storage.deleteObject(key);
    await db.user.delete({ where: { id: user.id } });
    await queue.close();
    redis.disconnect();
    await db.$disconnect();
    await stack.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
