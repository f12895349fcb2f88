import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // A Redis database of this file's own: its notification worker takes only the jobs this file enqueues.
  process.env.REDIS_URL = `${process.env.REDIS_URL}/13`;
  process.env.RATE_LIMIT_VIDEO_COMMENT_POINTS = "5";
  process.env.RATE_LIMIT_VIDEO_ACTION_POINTS = "10000";
});

const { Worker } = await import("bullmq");
const { processors } = await import("@/server/jobs/processors");
const { JOB_PREFIX } = await import("@/server/platform/queue");
const { createRedis } = await import("@/server/platform/redis");
const { closeVideoTestConnections, db, redis, testViewer: person, videosCaller: caller } = await import("./videos-api-test-kit");
const { notifyVideoFailed, notifyVideoReady } = await import("./channels/notify-video-news");
const { addViewLua, viewWeightLog2 } = await import("./trending/trending-score");
const { flushVideoViews } = await import("./views/flush-video-views");
const { BATCH_FIELD, VIEW_PENDING_KEY, seenKey } = await import("./views/view-keys");

const connection = createRedis({ maxRetriesPerRequest: null });
const notifier = new Worker("send-notification", async (job) => processors["send-notification"](job.data, job), { connection, prefix: JOB_PREFIX });

afterAll(async () => {
  await notifier.close();
  connection.disconnect();
  await closeVideoTestConnections();
});

/** A ready video row (what the social layer reads), 60 s long. */
async function readyVideo(ownerId: string, visibility: "public" | "unlisted" | "private" = "public"): Promise<string> {
  const id = randomUUID().replaceAll("-", "").slice(0, 24);
  await db.video.create({ data: { id, ownerId, title: `Clip ${id.slice(0, 6)}`, visibility, status: "ready", durationSeconds: 60, publishedAt: new Date(), sourceName: "a.mp4", sourceType: "video/mp4", sourceBytes: 10n } });
  return id;
}

const viewCount = async (id: string) => (await db.video.findUniqueOrThrow({ where: { id }, select: { viewCount: true } })).viewCount;

describe("views", () => {
  it("counts a viewer once per video per window: users, cookies and cookie-less clients alike, added to Postgres by the flush", async () => {
    const owner = await person("Owner");
    const id = await readyVideo(owner.user.id);
    const alice = await person("Alice");
    const bob = await person("Bob");

    expect(await alice.videos.recordView({ id })).toEqual({ counted: true });
    expect(await alice.videos.recordView({ id })).toEqual({ counted: false });
    expect(await bob.videos.recordView({ id })).toEqual({ counted: true });

    // A signed-out browser without a cookie is counted by its address and given a cookie...
    const firstResponse = new Headers();
    const anonymous = new Headers({ "x-forwarded-for": "203.0.113.7" });
    expect(await caller(null, anonymous, firstResponse).recordView({ id })).toEqual({ counted: true });
    const cookie = firstResponse.get("set-cookie")?.split(";")[0] ?? "";
    expect(cookie).toMatch(/^cb_viewer=[A-Za-z0-9_-]{22}$/);
    // ...whose next view (now with the cookie) is the same viewer, as is the same address without one.
    expect(await caller(null, new Headers({ cookie, "x-forwarded-for": "203.0.113.7" })).recordView({ id })).toEqual({ counted: false });
    expect(await caller(null, new Headers(anonymous)).recordView({ id })).toEqual({ counted: false });
    // Another browser (its own cookie) is another viewer.
    expect(await caller(null, new Headers({ cookie: `cb_viewer=${"x".repeat(22)}` })).recordView({ id })).toEqual({ counted: true });

    const ttl = await redis.ttl(seenKey(id, `user:${alice.user.id}`));
    expect(ttl).toBeGreaterThan(6 * 3600 - 60);
    expect(ttl).toBeLessThanOrEqual(6 * 3600);

    expect(await viewCount(id)).toBe(0);
    await flushVideoViews({ db, redis });
    expect(await viewCount(id)).toBe(4);
    // The window over (its key gone), Alice counts again.
    await redis.del(seenKey(id, `user:${alice.user.id}`));
    expect(await alice.videos.recordView({ id })).toEqual({ counted: true });
    await flushVideoViews({ db, redis });
    expect(await viewCount(id)).toBe(5);
  });

  it("adds a batch once even when the flush died after writing it and before clearing Redis", async () => {
    const owner = await person("Owner");
    const id = await readyVideo(owner.user.id);
    await (await person()).videos.recordView({ id });
    await (await person()).videos.recordView({ id });
    await flushVideoViews({ db, redis });
    expect(await viewCount(id)).toBe(2);
    const [batch] = await db.videoViewBatch.findMany({ orderBy: { appliedAt: "desc" }, take: 1 });
    // The same batch back in Redis, as a flush that died before its last step leaves it.
    await redis.hset(VIEW_PENDING_KEY, id, "2", BATCH_FIELD, batch?.id ?? "");
    await flushVideoViews({ db, redis });
    expect(await viewCount(id)).toBe(2);
    expect(await redis.exists(VIEW_PENDING_KEY)).toBe(0);
  });

  it("does not count a private video for someone who may not watch it", async () => {
    const owner = await person("Owner");
    const id = await readyVideo(owner.user.id, "private");
    await expect((await person()).videos.recordView({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await owner.videos.recordView({ id })).toEqual({ counted: true });
  });
});

describe("watch history", () => {
  it("keeps where I stopped, lists unfinished videos to continue, removes one or all, and keeps nothing while paused", async () => {
    const owner = await person("Owner");
    const [first, second, finished] = [await readyVideo(owner.user.id), await readyVideo(owner.user.id), await readyVideo(owner.user.id)];
    const me = await person();
    await me.videos.history.savePosition({ videoId: first, positionSeconds: 12.5 });
    await me.videos.history.savePosition({ videoId: finished, positionSeconds: 59 });
    await me.videos.history.savePosition({ videoId: second, positionSeconds: 500 });
    expect(await me.videos.viewerState({ id: first })).toMatchObject({ positionSeconds: 12.5 });
    // Clamped to the duration, so it counts as finished.
    expect(await me.videos.viewerState({ id: second })).toMatchObject({ positionSeconds: 60 });

    const row = await me.videos.history.continueWatching();
    expect(row.map((item) => item.video.id)).toEqual([first]);
    expect(row[0]?.fraction).toBeCloseTo(12.5 / 60);
    expect((await me.videos.history.list({})).items.map((item) => item.video.id)).toEqual([second, finished, first]);

    await me.videos.history.remove({ videoId: finished });
    expect((await me.videos.history.list({})).items.map((item) => item.video.id)).toEqual([second, first]);

    await me.videos.history.setPaused({ paused: true });
    expect(await me.videos.history.savePosition({ videoId: finished, positionSeconds: 20 })).toEqual({ saved: false });
    expect(await me.videos.history.list({})).toMatchObject({ paused: true });
    expect((await me.videos.history.list({})).items).toHaveLength(2);

    await me.videos.history.clear();
    expect((await me.videos.history.list({})).items).toEqual([]);
    expect(await me.videos.viewerState({ id: first })).toMatchObject({ positionSeconds: null });
  });
});

describe("likes and subscriptions", () => {
  it("keeps like and dislike counts exact under concurrent likes, switches and take-backs", async () => {
    const owner = await person("Owner");
    const id = await readyVideo(owner.user.id);
    const people = await Promise.all(Array.from({ length: 12 }, () => person()));
    // Everyone likes twice at once; then the first four switch to dislike and the next two take theirs back, at once.
    await Promise.all(people.flatMap((p) => [p.videos.react({ videoId: id, reaction: "like" }), p.videos.react({ videoId: id, reaction: "like" })]));
    await Promise.all([
      ...people.slice(0, 4).map((p) => p.videos.react({ videoId: id, reaction: "dislike" })),
      ...people.slice(4, 6).map((p) => p.videos.react({ videoId: id, reaction: null })),
    ]);
    const counts = await db.video.findUniqueOrThrow({ where: { id }, select: { likeCount: true, dislikeCount: true } });
    expect(counts).toEqual({ likeCount: 6, dislikeCount: 4 });
    expect(await db.videoReaction.count({ where: { videoId: id } })).toBe(10);
    expect(await people[0]?.videos.viewerState({ id })).toMatchObject({ reaction: "dislike" });
  });

  it("subscribes once, counts subscribers, lists their new videos, and tells them about a new public upload", async () => {
    const channel = await person("Channel");
    const fan = await person("Fan");
    await expect(channel.videos.subscribe({ channelId: channel.user.id, subscribed: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await fan.videos.subscribe({ channelId: channel.user.id, subscribed: true });
    expect(await fan.videos.subscribe({ channelId: channel.user.id, subscribed: true })).toEqual({ subscribed: true, subscriberCount: 1 });
    expect(await caller(null).channel({ username: channel.user.username ?? "" })).toMatchObject({ id: channel.user.id, subscriberCount: 1, subscribed: false });
    expect(await fan.videos.channel({ username: channel.user.username ?? "" })).toMatchObject({ subscribed: true });

    const published = await readyVideo(channel.user.id);
    const unlisted = await readyVideo(channel.user.id, "unlisted");
    expect((await fan.videos.subscriptionVideos()).items.map((video) => video.id)).toEqual([published]);

    await notifyVideoReady({ db, videoId: published });
    await notifyVideoReady({ db, videoId: unlisted });
    await notifyVideoFailed({ db, videoId: unlisted, reason: "The file is not a video." });
    await expect.poll(() => db.notification.count({ where: { userId: channel.user.id } }), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => db.notification.count({ where: { userId: fan.user.id } }), { timeout: 10_000 }).toBe(1);
    expect(await db.notification.findFirstOrThrow({ where: { userId: fan.user.id } })).toMatchObject({ kind: "video.upload", payload: { title: "Channel uploaded a video", href: `/videos/${published}` } });
    expect(await db.notification.findFirstOrThrow({ where: { userId: channel.user.id, kind: "video.failed" } })).toMatchObject({ payload: { body: "The file is not a video." } });

    expect(await fan.videos.subscribe({ channelId: channel.user.id, subscribed: false })).toEqual({ subscribed: false, subscriberCount: 0 });
    expect((await fan.videos.subscriptionVideos()).items).toEqual([]);
  });
});

describe("announcing a new upload", () => {
  it("tells subscribers once when an edit makes a private or unlisted video public, never again on a later flip", async () => {
    const channel = await person("Flipper");
    const fan = await person("Fan");
    await fan.videos.subscribe({ channelId: channel.user.id, subscribed: true });
    const uploads = () => db.notification.count({ where: { userId: fan.user.id, kind: "video.upload" } });
    const details = (id: string, visibility: "public" | "unlisted" | "private") => ({ id, title: "Flipped", description: "", tags: [], visibility });

    // Ready while private: the end of transcoding tells no one.
    const hidden = await readyVideo(channel.user.id, "private");
    await notifyVideoReady({ db, videoId: hidden });
    await channel.videos.update(details(hidden, "unlisted"));
    await channel.videos.update(details(hidden, "public"));
    await expect.poll(uploads, { timeout: 10_000 }).toBe(1);
    expect(await db.notification.findFirstOrThrow({ where: { userId: fan.user.id, kind: "video.upload" } })).toMatchObject({ payload: { href: `/videos/${hidden}`, body: "Flipped" } });
    const announced = async () => (await db.video.findUniqueOrThrow({ where: { id: hidden }, select: { announcedAt: true } })).announcedAt;
    const firstAnnounced = await announced();
    expect(firstAnnounced).toBeInstanceOf(Date);

    // Private again, then public again (twice at once): nothing more.
    await channel.videos.update(details(hidden, "private"));
    await Promise.all([channel.videos.update(details(hidden, "public")), channel.videos.update(details(hidden, "public"))]);
    // A later video's announcement is queued behind anything those edits queued: once it arrives, theirs would have too.
    const later = await readyVideo(channel.user.id);
    await notifyVideoReady({ db, videoId: later });
    await expect.poll(uploads, { timeout: 10_000 }).toBe(2);
    expect(await db.notification.count({ where: { userId: fan.user.id, kind: "video.upload", payload: { path: ["videoId"], equals: hidden } } })).toBe(1);
    // The job ids alone would hide a second announcement for an hour (BullMQ keeps finished jobs): the claim is what stops it.
    expect(await announced()).toEqual(firstAnnounced);

    // A video announced when it became ready is not announced again by an edit that keeps it public.
    await channel.videos.update(details(later, "public"));
    expect(await db.video.findUniqueOrThrow({ where: { id: later }, select: { announcedAt: true } })).toMatchObject({ announcedAt: expect.any(Date) });
  });
});

describe("comments", () => {
  it("sorts newest and top, keeps replies one level deep, notifies the parent's author, and deletes with counts kept", async () => {
    const owner = await person("Owner");
    const id = await readyVideo(owner.user.id);
    const ann = await person("Ann");
    const ben = await person("Ben");
    const older = await ann.videos.comments.add({ videoId: id, body: "First!" });
    const newer = await ben.videos.comments.add({ videoId: id, body: "Second" });
    const reply = await ben.videos.comments.add({ videoId: id, parentId: older.id, body: "Nice one" });
    // A reply to a reply joins its parent's thread.
    const nested = await ann.videos.comments.add({ videoId: id, parentId: reply.id, body: "Thanks" });
    expect(nested.parentId).toBe(older.id);

    const anyone = caller(null);
    expect((await anyone.comments.list({ videoId: id })).items.map((c) => c.id)).toEqual([newer.id, older.id]);
    expect((await anyone.comments.list({ videoId: id, sort: "top" })).items.map((c) => [c.id, c.replyCount])).toEqual([[older.id, 2], [newer.id, 0]]);
    expect((await anyone.comments.list({ videoId: id, parentId: older.id })).items.map((c) => c.body)).toEqual(["Nice one", "Thanks"]);
    expect((await db.video.findUniqueOrThrow({ where: { id } })).commentCount).toBe(4);

    // Ben's reply notified Ann; Ann's own reply in her thread did not.
    await expect.poll(() => db.notification.count({ where: { userId: ann.user.id, kind: "video.reply" } }), { timeout: 10_000 }).toBe(1);

    await expect(ben.videos.comments.delete({ commentId: older.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ben.videos.comments.report({ commentId: older.id, reason: "Spam" })).resolves.toEqual({ reported: true });
    await ann.videos.comments.delete({ commentId: older.id });
    expect((await anyone.comments.list({ videoId: id })).items.map((c) => c.id)).toEqual([newer.id]);
    expect((await db.video.findUniqueOrThrow({ where: { id } })).commentCount).toBe(1);
  });

  it("enforces the length limit and the per-person rate", async () => {
    const owner = await person("Owner");
    const id = await readyVideo(owner.user.id);
    const me = await person();
    await expect(me.videos.comments.add({ videoId: id, body: "x".repeat(2_001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(me.videos.comments.add({ videoId: id, body: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    for (let index = 0; index < 5; index++) await me.videos.comments.add({ videoId: id, body: `comment ${index}` });
    await expect(me.videos.comments.add({ videoId: id, body: "one too many" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect((await person()).videos.comments.add({ videoId: id, body: "someone else may" })).resolves.toBeDefined();
  });
});

describe("trending and search", () => {
  it("ranks by views with time decay: three views now beat five from three days ago", async () => {
    const key = `casebook:test:trending:${randomUUID()}`;
    const add = (member: string, hoursAgo: number) => redis.eval(`${addViewLua("KEYS[1]", "ARGV[1]", "ARGV[2]")}\nreturn 1`, 1, key, member, viewWeightLog2(Date.now() - hoursAgo * 3_600_000));
    for (let index = 0; index < 5; index++) await add("old", 72);
    for (let index = 0; index < 3; index++) await add("new", 0);
    await add("once", 0);
    expect(await redis.zrevrange(key, 0, -1)).toEqual(["new", "once", "old"]);
    // In log space: three equal views weigh log2(3) above one.
    const [newScore, onceScore] = [Number(await redis.zscore(key, "new")), Number(await redis.zscore(key, "once"))];
    expect(newScore - onceScore).toBeCloseTo(Math.log2(3), 6);
  });

  it("lists counted views of public videos as trending, most viewed first", async () => {
    const owner = await person("Owner");
    const [popular, quiet, hidden] = [await readyVideo(owner.user.id), await readyVideo(owner.user.id), await readyVideo(owner.user.id, "unlisted")];
    for (let index = 0; index < 3; index++) await (await person()).videos.recordView({ id: popular });
    await (await person()).videos.recordView({ id: quiet });
    await (await person()).videos.recordView({ id: hidden });
    const trending = (await caller(null).trending()).map((video) => video.id);
    expect(trending.indexOf(popular)).toBeGreaterThanOrEqual(0);
    expect(trending.indexOf(popular)).toBeLessThan(trending.indexOf(quiet));
    expect(trending).not.toContain(hidden);
  });

  it("searches title, tags and description with stemming, filters by length and upload date, and sorts", async () => {
    const owner = await person("Owner");
    const word = `zq${randomUUID().replaceAll("-", "").slice(0, 8)}`;
    const make = async (data: { title: string; description?: string; tags?: string[]; durationSeconds?: number; daysAgo?: number; viewCount?: number; visibility?: "public" | "private" }) => {
      const id = await readyVideo(owner.user.id, data.visibility ?? "public");
      await db.video.update({ where: { id }, data: { title: data.title, description: data.description ?? "", tags: data.tags ?? [], durationSeconds: data.durationSeconds ?? 60, viewCount: data.viewCount ?? 0, publishedAt: new Date(Date.now() - (data.daysAgo ?? 0) * 86_400_000) } });
      return id;
    };
    const inTitle = await make({ title: `Kittens playing ${word}`, viewCount: 5, daysAgo: 2 });
    const inTags = await make({ title: `Garden ${word}`, tags: ["kitten"], durationSeconds: 600, viewCount: 50 });
    const inDescription = await make({ title: `Morning ${word}`, description: "A kitten wakes up.", daysAgo: 40 });
    await make({ title: `Kitten secret ${word}`, visibility: "private" });
    await make({ title: `Puppies ${word}` });

    const search = (input: Record<string, unknown>) => caller(null).search({ q: `kitten ${word}`, ...input }).then((page) => page.items.map((video) => video.id));
    // The title weighs most.
    expect(await search({})).toEqual([inTitle, inTags, inDescription]);
    expect(await search({ duration: "medium" })).toEqual([inTags]);
    expect(await search({ uploaded: "month" })).toEqual([inTitle, inTags]);
    expect(await search({ sort: "views" })).toEqual([inTags, inTitle, inDescription]);
    expect(await search({ sort: "newest" })).toEqual([inTags, inTitle, inDescription]);
    await expect(caller(null).search({ q: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
