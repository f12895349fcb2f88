import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_FEED_POST_POINTS = "6";
  process.env.RATE_LIMIT_FEED_FOLLOW_POINTS = "1000";
  process.env.RATE_LIMIT_FEED_LIKE_POINTS = "1000";
});

import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { feedCaller, feedPerson } from "./feed-test-kit";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

describe("posting limits", () => {
  it("counts 280 as a person would, and says how long a refused post is", async () => {
    const { feed } = await feedPerson();
    await expect(feed.posts.create({ text: "🇫🇷".repeat(280) })).resolves.toMatchObject({ text: "🇫🇷".repeat(280) });
    await expect(feed.posts.create({ text: `${"a".repeat(256)} https://example.com/${"long".repeat(50)}` })).resolves.toBeDefined();
    await expect(feed.posts.create({ text: "b".repeat(281) })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Posts are at most 280 characters; this one is 281." });
    await expect(feed.posts.create({ text: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Write something or add a picture first." });
    await expect(feedCaller(null).posts.create({ text: "hi" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("rate-limits posting per person with a clear message", async () => {
    const { feed } = await feedPerson();
    for (let index = 0; index < 6; index++) await feed.posts.create({ text: `post ${index}` });
    await expect(feed.posts.create({ text: "one too many" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/^Too many requests\. Please try again in/) });
    await expect((await feedPerson()).feed.posts.create({ text: "someone else may" })).resolves.toBeDefined();
  });

  it("refuses following yourself or no one, and is idempotent for the rest", async () => {
    const me = await feedPerson();
    const other = await feedPerson();
    await expect(me.feed.people.follow({ userId: me.user.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "You cannot follow yourself." });
    await expect(me.feed.people.follow({ userId: "no-such-user" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await me.feed.people.follow({ userId: other.user.id });
    await me.feed.people.follow({ userId: other.user.id });
    const profile = await me.feed.people.profile({ username: other.user.username ?? "" });
    expect(profile).toMatchObject({ followerCount: 1, following: true, followsYou: false });
    expect(await other.feed.people.profile({ username: me.user.username ?? "" })).toMatchObject({ followingCount: 1, followsYou: true });
  });
});

describe("threads and tags", () => {
  it("shows ancestors, the post and its replies, keeping deleted posts as placeholders", async () => {
    const alice = await feedPerson("Alice");
    const bob = await feedPerson("Bob");
    const root = await alice.feed.posts.create({ text: "Thread start #Casebook" });
    const reply = await bob.feed.posts.create({ text: "A reply", replyToId: root.id });
    const nested = await alice.feed.posts.create({ text: "A reply to the reply", replyToId: reply.id });
    const second = await alice.feed.posts.create({ text: "Another reply", replyToId: root.id });

    const thread = await feedCaller(null).posts.thread({ postId: reply.id });
    expect(thread.ancestors.map((post) => post.id)).toEqual([root.id]);
    expect(thread.post).toMatchObject({ id: reply.id, rootId: root.id, replyTo: { id: root.id, author: { id: alice.user.id } } });
    expect(thread.replies.map((post) => post.id)).toEqual([nested.id]);
    expect((await alice.feed.posts.thread({ postId: root.id })).post.replyCount).toBe(2);

    await alice.feed.posts.delete({ postId: root.id });
    const afterDelete = await bob.feed.posts.thread({ postId: root.id });
    expect(afterDelete.post).toMatchObject({ deleted: true, text: "", replyCount: 2 });
    expect(afterDelete.replies.map((post) => post.id)).toEqual([reply.id, second.id]);
    expect((await bob.feed.people.profile({ username: alice.user.username ?? "" })).postCount).toBe(2);
  });

  it("lists a hashtag's posts whatever their case, and not a longer tag", async () => {
    const { feed } = await feedPerson();
    const tag = `t${Date.now()}`;
    const tagged = await feed.posts.create({ text: `Hello #${tag.toUpperCase()}!` });
    await feed.posts.create({ text: `Not this #${tag}extra` });
    const page = await feedCaller(null).posts.byTag({ tag });
    expect(page.items.map((item) => item.entryId)).toEqual([tagged.id]);
  });
});
