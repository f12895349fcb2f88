import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // A Redis database of this file's own: the transcoding jobs it queues are counted here and taken by no worker.
  process.env.REDIS_URL = `${process.env.REDIS_URL}/9`;
});

const { Queue } = await import("bullmq");
const { createTestUser } = await import("@/server/accounts/test-users");
const { processors } = await import("@/server/jobs/processors");
const { db } = await import("@/server/platform/db");
const { closeQueues, JOB_PREFIX } = await import("@/server/platform/queue");
const { createRedis, redis } = await import("@/server/platform/redis");
const { storage } = await import("@/server/platform/storage");
const { sourceKey } = await import("../video-files");
const { TRENDING_KEY } = await import("../views/view-keys");
const { DEMO_VIDEOS } = await import("./demo-videos");
const { demoVideoId, seedDemoVideos } = await import("./seed-demo-videos");

const connection = createRedis();
const transcodeQueue = new Queue("transcode-video", { connection, prefix: JOB_PREFIX });

afterAll(async () => {
  await transcodeQueue.close();
  connection.disconnect();
  await closeQueues();
  redis.disconnect();
  await db.$disconnect();
});

describe("seedDemoVideos", () => {
  it("makes each demo clip once, queues it for the worker's transcoding like an upload, with its audience; the job makes it playable", async () => {
    const people = await Promise.all(Array.from({ length: 4 }, () => createTestUser(db).then((user) => user.id)));
    const ids = DEMO_VIDEOS.map((video) => demoVideoId(video.slug));

    expect(await seedDemoVideos({ db, redis, storage, people })).toEqual({ videosCreated: DEMO_VIDEOS.length, transcodesQueued: DEMO_VIDEOS.length });
    const rows = await db.video.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(DEMO_VIDEOS.length);
    for (const demo of DEMO_VIDEOS) {
      const id = demoVideoId(demo.slug);
      const row = rows.find((video) => video.id === id);
      const owner = people[demo.channel];
      expect(row).toMatchObject({ status: "processing", visibility: "public", ownerId: owner, viewCount: demo.views, likeCount: people.length - 1, commentCount: demo.comments.length });
      expect((await storage.statObject(sourceKey(id)))?.size).toBeGreaterThan(10_000);
      expect(await transcodeQueue.getJob(id)).toBeDefined();
      expect(Number(await redis.zscore(TRENDING_KEY, id))).toBeGreaterThan(0);
      expect(await db.videoSubscription.count({ where: { channelId: owner } })).toBe(people.length - 1);
      expect(await db.videoWatch.count({ where: { videoId: id } })).toBe(people.length - 1);
    }

    // A second start makes nothing new; clips still waiting are queued again, not doubled.
    expect(await seedDemoVideos({ db, redis, storage, people })).toEqual({ videosCreated: 0, transcodesQueued: DEMO_VIDEOS.length });
    expect(await db.video.count({ where: { ownerId: { in: people } } })).toBe(DEMO_VIDEOS.length);
    expect(await transcodeQueue.getWaitingCount()).toBe(DEMO_VIDEOS.length);

    // The worker's job turns a demo clip into a ladder of its own size (640×360: 240p and 360p).
    const [first] = ids;
    await processors["transcode-video"]({ videoId: first ?? "" }, { timestamp: Date.now() });
    const done = await db.video.findUniqueOrThrow({ where: { id: first }, include: { renditions: { orderBy: { height: "asc" } } } });
    expect(done).toMatchObject({ status: "ready", width: 640, height: 360 });
    expect(done.durationSeconds).toBeCloseTo(DEMO_VIDEOS[0]?.seconds ?? 0, 0);
    expect(done.renditions.map((rendition) => rendition.height)).toEqual([240, 360]);

    // A ready one is left alone.
    expect(await seedDemoVideos({ db, redis, storage, people })).toEqual({ videosCreated: 0, transcodesQueued: DEMO_VIDEOS.length - 1 });
  }, 240_000);
});
