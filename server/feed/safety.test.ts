import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_FEED_POST_POINTS = "10000";
  process.env.RATE_LIMIT_FEED_FOLLOW_POINTS = "10000";
  process.env.RATE_LIMIT_FEED_LIKE_POINTS = "10000";
});

import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { feedCaller, feedPerson, readWholeTimeline, startFanOutWorker, type FeedPerson } from "./feed-test-kit";

let workers: { close: () => Promise<void> };

beforeAll(() => {
  workers = startFanOutWorker(["feed-fanout", "send-notification"]);
});

afterAll(async () => {
  await workers.close();
  redis.disconnect();
  await db.$disconnect();
});

const feedKindsFrom = async (userId: string, actorId: string) =>
  (await db.notification.findMany({ where: { userId, payload: { path: ["actorId"], equals: actorId } }, select: { kind: true } })).map((row) => row.kind).sort();

async function admin(): Promise<FeedPerson> {
  const person = await feedPerson("Moderator");
  await db.user.update({ where: { id: person.user.id }, data: { role: "admin" } });
  const user = { ...person.user, role: "admin" as const };
  return { user, feed: feedCaller(user) };
}

describe("block", () => {
  it("hides my posts from the blocked person, refuses their replies, and takes them out of my timeline, threads and notifications", async () => {
    const bob = await feedPerson("Bob");
    const alice = await feedPerson("Alice");
    const carol = await feedPerson("Carol");
    await alice.feed.people.follow({ userId: bob.user.id });
    await bob.feed.people.follow({ userId: alice.user.id });
    await Promise.all([alice.feed.timeline.home({}), bob.feed.timeline.home({})]);
    const bobsPost = (await bob.feed.posts.create({ text: "Bob's thoughts" })).id;
    const alicesPost = (await alice.feed.posts.create({ text: `Alice here, hi @${bob.user.username}` })).id;
    await alice.feed.engagement.like({ postId: bobsPost, liked: true });
    const carolsPost = (await carol.feed.posts.create({ text: "Carol asks" })).id;
    const alicesReply = (await alice.feed.posts.create({ text: "Alice answers Carol", replyToId: carolsPost })).id;
    await expect.poll(async () => readWholeTimeline(alice), { timeout: 15_000 }).toEqual([alicesPost, bobsPost]);
    await expect.poll(async () => feedKindsFrom(bob.user.id, alice.user.id), { timeout: 15_000 }).toEqual(["feed.follow", "feed.like", "feed.mention"]);

    await bob.feed.safety.block({ userId: alice.user.id, blocked: true });

    // Alice no longer sees Bob anywhere, and cannot answer, like, quote or follow him.
    expect(await readWholeTimeline(alice)).toEqual([alicesPost]);
    await expect(alice.feed.posts.thread({ postId: bobsPost })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await alice.feed.posts.byAuthor({ userId: bob.user.id })).items).toEqual([]);
    await expect(alice.feed.posts.create({ text: "Let me in", replyToId: bobsPost })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(alice.feed.posts.create({ text: "Quoting", quoteOfId: bobsPost })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(alice.feed.engagement.like({ postId: bobsPost, liked: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(alice.feed.people.follow({ userId: bob.user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await alice.feed.people.profile({ username: bob.user.username ?? "" })).toMatchObject({ blockedYou: true, following: false, followerCount: 0 });

    // Alice vanishes from Bob's timeline, from the replies of a thread he reads, and from his notifications.
    expect(await readWholeTimeline(bob)).toEqual([bobsPost]);
    expect((await bob.feed.posts.thread({ postId: carolsPost })).replies).toEqual([]);
    expect((await carol.feed.posts.thread({ postId: carolsPost })).replies.map((post) => post.id)).toEqual([alicesReply]);
    expect(await feedKindsFrom(bob.user.id, alice.user.id)).toEqual([]);
    await alice.feed.posts.create({ text: `Still mentioning @${bob.user.username}` });
    await carol.feed.posts.create({ text: `Carol mentions @${bob.user.username}` });
    await expect.poll(async () => feedKindsFrom(bob.user.id, carol.user.id), { timeout: 15_000 }).toEqual(["feed.mention"]);
    expect(await feedKindsFrom(bob.user.id, alice.user.id)).toEqual([]);
    expect(await bob.feed.people.profile({ username: alice.user.username ?? "" })).toMatchObject({ youBlocked: true, following: false });

    // Unblocking lets them follow and answer again (nothing is restored by itself).
    await bob.feed.safety.block({ userId: alice.user.id, blocked: false });
    await alice.feed.people.follow({ userId: bob.user.id });
    await expect(alice.feed.posts.create({ text: "Thanks", replyToId: bobsPost })).resolves.toMatchObject({ replyTo: { id: bobsPost } });
    expect(await readWholeTimeline(alice)).toContain(bobsPost);
  });

  it("refuses blocking yourself or no one, and needs an account", async () => {
    const me = await feedPerson();
    await expect(me.feed.safety.block({ userId: me.user.id, blocked: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(me.feed.safety.block({ userId: "no-such-user", blocked: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(feedCaller(null).safety.block({ userId: me.user.id, blocked: true })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("mute", () => {
  it("hides the muted person's posts, reposts, replies and notifications from me alone", async () => {
    const alice = await feedPerson("Alice");
    const dave = await feedPerson("Dave");
    const erin = await feedPerson("Erin");
    await alice.feed.people.follow({ userId: dave.user.id });
    await alice.feed.people.follow({ userId: erin.user.id });
    await erin.feed.people.follow({ userId: dave.user.id });
    await Promise.all([alice.feed.timeline.home({}), erin.feed.timeline.home({})]);
    const davesPost = (await dave.feed.posts.create({ text: "Dave talks a lot" })).id;
    const erinsPost = (await erin.feed.posts.create({ text: "Erin's post" })).id;
    await dave.feed.engagement.repost({ postId: erinsPost, reposted: true });
    const davesReply = (await dave.feed.posts.create({ text: "Dave replies", replyToId: erinsPost })).id;
    await expect.poll(async () => (await readWholeTimeline(alice)).length, { timeout: 15_000 }).toBe(3);

    await alice.feed.safety.mute({ userId: dave.user.id, muted: true });
    expect(await readWholeTimeline(alice)).toEqual([erinsPost]);
    expect((await alice.feed.posts.thread({ postId: erinsPost })).replies).toEqual([]);
    // Opened on purpose, his own post and profile still show; he is still followed.
    expect((await alice.feed.posts.thread({ postId: davesPost })).post.id).toBe(davesPost);
    expect((await alice.feed.posts.byAuthor({ userId: dave.user.id })).items.length).toBe(2);
    expect(await alice.feed.people.profile({ username: dave.user.username ?? "" })).toMatchObject({ youMuted: true, following: true });
    const alicesPost = (await alice.feed.posts.create({ text: "Alice posts" })).id;
    await dave.feed.engagement.like({ postId: alicesPost, liked: true });
    await erin.feed.engagement.like({ postId: alicesPost, liked: true });
    await expect.poll(async () => feedKindsFrom(alice.user.id, erin.user.id), { timeout: 15_000 }).toEqual(["feed.like"]);
    expect(await feedKindsFrom(alice.user.id, dave.user.id)).toEqual([]);

    // Others still see him, and he notices nothing.
    expect((await erin.feed.posts.thread({ postId: erinsPost })).replies.map((post) => post.id)).toEqual([davesReply]);
    expect(await readWholeTimeline(erin)).toContain(davesPost);
    expect(await dave.feed.people.profile({ username: alice.user.username ?? "" })).toMatchObject({ blockedYou: false, youMuted: false });

    await alice.feed.safety.mute({ userId: dave.user.id, muted: false });
    expect(await readWholeTimeline(alice)).toContain(davesPost);
  });
});

describe("reports", () => {
  it("queue a reported post for admins only, who remove it or dismiss the reports", async () => {
    const author = await feedPerson("Spammer");
    const reporters = await Promise.all([feedPerson("R1"), feedPerson("R2")]);
    const moderator = await admin();
    const spam = (await author.feed.posts.create({ text: "Buy followers now" })).id;
    const fine = (await author.feed.posts.create({ text: "A fine post" })).id;
    await reporters[0].feed.safety.report({ postId: spam, reason: "spam", details: "Selling followers" });
    await reporters[1].feed.safety.report({ postId: spam, reason: "other" });
    await reporters[1].feed.safety.report({ postId: spam, reason: "spam" });
    await reporters[0].feed.safety.report({ postId: fine, reason: "harassment" });
    await expect(author.feed.safety.report({ postId: spam, reason: "spam" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await expect(reporters[0].feed.moderation.queue()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reporters[0].feed.moderation.resolve({ postId: spam, action: "remove" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const queue = await moderator.feed.moderation.queue();
    const entry = (id: string) => queue.find((item) => item.post.id === id);
    expect(entry(spam)).toMatchObject({ reportCount: 2, reasons: ["spam"], details: ["Selling followers"] });
    expect(entry(fine)).toMatchObject({ reportCount: 1, reasons: ["harassment"] });

    await moderator.feed.moderation.resolve({ postId: spam, action: "remove" });
    await moderator.feed.moderation.resolve({ postId: fine, action: "dismiss" });
    const after = await moderator.feed.moderation.queue();
    expect(after.some((item) => item.post.id === spam || item.post.id === fine)).toBe(false);
    expect((await feedCaller(null).posts.byAuthor({ userId: author.user.id })).items.map((item) => item.entryId)).toEqual([fine]);
    await expect(moderator.feed.moderation.resolve({ postId: spam, action: "dismiss" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.postReport.findMany({ where: { postId: BigInt(spam) }, select: { status: true, resolvedById: true } })).toEqual([
      { status: "removed", resolvedById: moderator.user.id },
      { status: "removed", resolvedById: moderator.user.id },
    ]);
  });
});
