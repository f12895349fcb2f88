import { createReadStream } from "node:fs";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { createTestUser } from "@/server/accounts/test-users";
import { processors } from "@/server/jobs/processors";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { storage } from "@/server/platform/storage";
import { outputPrefix, sourceKey, STORYBOARD_IMAGE, STORYBOARD_INDEX } from "../video-files";
import { makeTestVideo } from "../video-test-kit";

/**
 * The storyboard backfill job, run as the worker runs it (by its name): ready
 * videos transcoded before storyboards existed get the sheet and its WebVTT
 * index from their kept source and are flagged; a second run makes nothing;
 * a video whose source is gone is skipped without stopping the others.
 */
afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const runBackfill = () => processors["video-storyboard-backfill"]({}, { id: "video-storyboard-backfill", timestamp: Date.now() });

/** A ready video from before storyboards (hasStoryboard false), with `file` stored as its source (none: null). */
async function olderVideo(ownerId: string, file: string | null): Promise<string> {
  const id = randomUUID().replaceAll("-", "").slice(0, 24);
  await db.video.create({
    data: { id, ownerId, title: "Older", status: "ready", durationSeconds: 4, width: 320, height: 180, publishedAt: new Date(), sourceName: "a.mp4", sourceType: "video/mp4", sourceBytes: 10n },
  });
  if (file) await storage.putObject(sourceKey(id), createReadStream(file), { contentType: "video/mp4", ownerId, visibility: "private" });
  return id;
}

const stored = async (key: string) => Buffer.from(await new Response((await storage.getObject(key)).body).arrayBuffer());
const createdAt = async (key: string) => {
  const object = await storage.getObject(key);
  await object.body.cancel();
  return object.createdAt;
};
const hasStoryboard = async (id: string) => (await db.video.findUniqueOrThrow({ where: { id }, select: { hasStoryboard: true } })).hasStoryboard;

describe("the storyboard backfill", { timeout: 120_000 }, () => {
  it("gives older ready videos a storyboard from their source, once, and skips one whose source is gone", async () => {
    const owner = await createTestUser(db);
    const file = await makeTestVideo({ width: 320, height: 180, seconds: 4 });
    const lost = await olderVideo(owner.id, null);
    const older = await olderVideo(owner.id, file);

    await runBackfill();
    expect(await hasStoryboard(older)).toBe(true);
    // A 4 s video: four 160×90 tiles in one row, each cue naming its rectangle of the sheet.
    const sheet = await sharp(await stored(`${outputPrefix(older)}${STORYBOARD_IMAGE}`)).metadata();
    expect({ width: sheet.width, height: sheet.height, format: sheet.format }).toEqual({ width: 640, height: 90, format: "jpeg" });
    const index = (await stored(`${outputPrefix(older)}${STORYBOARD_INDEX}`)).toString("utf8");
    expect(index).toMatch(/^WEBVTT\n/);
    expect(index).toContain("00:00:03.000 --> 00:00:04.000\nstoryboard.jpg#xywh=480,0,160,90");
    // Its source unreadable, the other video is left as it was, for a later run.
    expect(await hasStoryboard(lost)).toBe(false);

    // A second run finds nothing new to make: the sheet is not written again.
    const before = await createdAt(`${outputPrefix(older)}${STORYBOARD_IMAGE}`);
    await runBackfill();
    expect(await createdAt(`${outputPrefix(older)}${STORYBOARD_IMAGE}`)).toBe(before);
  });
});
