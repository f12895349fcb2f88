import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // A Redis database of this file's own: trending here is this file's alone.
  process.env.REDIS_URL = `${process.env.REDIS_URL}/8`;
});

const { closeVideoTestConnections, db, redis, testViewer, videosCaller: caller } = await import("../videos-api-test-kit");
const { TRENDING_KEY } = await import("../views/view-keys");

afterAll(closeVideoTestConnections);

async function person() {
  const { user, videos } = await testViewer();
  return { id: user.id, videos };
}

async function video(ownerId: string, data: { tags?: string[]; visibility?: "public" | "private"; viewCount?: number } = {}): Promise<string> {
  const id = randomUUID().replaceAll("-", "").slice(0, 24);
  await db.video.create({
    data: { id, ownerId, title: `Clip ${id.slice(0, 6)}`, tags: data.tags ?? [], visibility: data.visibility ?? "public", viewCount: data.viewCount ?? 0, status: "ready", durationSeconds: 30, publishedAt: new Date(), sourceName: "a.mp4", sourceType: "video/mp4", sourceBytes: 10n },
  });
  return id;
}

const watch = (userId: string, ...videoIds: string[]) => db.videoWatch.createMany({ data: videoIds.map((videoId) => ({ userId, videoId, positionSeconds: 10 })) });
const ids = (videos: Array<{ id: string }>) => videos.map((item) => item.id);

describe("up next", () => {
  it("ranks shared tags, then co-watching, then the same channel, before anything else; never the video itself or a private one", async () => {
    const [owner, other] = [await person(), await person()];
    const [x, y] = [`x${randomUUID().slice(0, 8)}`, `y${randomUUID().slice(0, 8)}`];
    const current = await video(owner.id, { tags: [x, y] });
    const sameTags = await video(other.id, { tags: [x, y] });
    const coWatched = await video(other.id);
    const sameChannel = await video(owner.id);
    const hidden = await video(owner.id, { tags: [x, y], visibility: "private" });
    for (let index = 0; index < 3; index++) await watch((await person()).id, current, coWatched);

    const upNext = ids(await caller(null).upNext({ id: current }));
    // 3 per shared tag (6), 1 per co-watcher (3), 2 for the channel.
    expect(upNext.slice(0, 3)).toEqual([sameTags, coWatched, sameChannel]);
    expect(upNext).not.toContain(current);
    expect(upNext).not.toContain(hidden);
  });

  it("falls back to trending when nothing is related", async () => {
    const owner = await person();
    const lonely = await video(owner.id, { tags: [`z${randomUUID().slice(0, 8)}`] });
    const hot = await video((await person()).id);
    await redis.zadd(TRENDING_KEY, 1e9, hot);
    expect(ids(await caller(null).upNext({ id: lonely }))[0]).toBe(hot);
  });

  it("tells someone who may not watch a private video nothing about it", async () => {
    const owner = await person();
    const secret = await video(owner.id, { visibility: "private" });
    await expect(caller(null).upNext({ id: secret })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await person()).videos.upNext({ id: secret })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(owner.videos.upNext({ id: secret })).resolves.toBeInstanceOf(Array);
  });
});

describe("recommended for you", () => {
  it("follows my history's tags and channels, leaving out what I just watched and my own videos", async () => {
    const [me, creator] = [await person(), await person()];
    const tag = `r${randomUUID().slice(0, 8)}`;
    const watched = await video(creator.id, { tags: [tag] });
    const related = await video(creator.id, { tags: [tag] });
    const mine = await video(me.id, { tags: [tag] });
    await watch(me.id, watched);

    const recommended = ids(await me.videos.recommended());
    expect(recommended[0]).toBe(related);
    expect(recommended).not.toContain(watched);
    expect(recommended).not.toContain(mine);
  });

  it("is trending for someone with no history yet", async () => {
    const hot = await video((await person()).id);
    await redis.zadd(TRENDING_KEY, 2e9, hot);
    expect(ids(await (await person()).videos.recommended())[0]).toBe(hot);
  });
});
