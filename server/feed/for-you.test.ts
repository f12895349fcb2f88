import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_FEED_POST_POINTS = "1000";
  process.env.RATE_LIMIT_FEED_FOLLOW_POINTS = "1000";
  process.env.RATE_LIMIT_FEED_LIKE_POINTS = "1000";
});

import { createTestUser } from "@/server/accounts/test-users";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { feedPerson, type FeedPerson } from "./feed-test-kit";
import { forYouRankingKey } from "./timeline/get-for-you";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

/** Likes from `count` new people, through the table (the count triggers move as for real likes). */
async function likes(postId: string, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    const liker = await createTestUser(db);
    await db.postLike.create({ data: { userId: liker.id, postId: BigInt(postId) } });
  }
}

async function forYouIds(person: FeedPerson, limit = 50): Promise<string[]> {
  return (await person.feed.timeline.forYou({ limit })).items.map((item) => item.post.id);
}

describe("the For you tab", () => {
  it("ranks recent posts of followed people and of the people they follow by engagement and age, leaving out strangers, replies and muted people", async () => {
    const [reader, followed, friendOfFriend, stranger, muted] = [await feedPerson("Reader"), await feedPerson("Followed"), await feedPerson("Second"), await feedPerson("Stranger"), await feedPerson("Muted")];
    await reader.feed.people.follow({ userId: followed.user.id });
    await reader.feed.people.follow({ userId: muted.user.id });
    await followed.feed.people.follow({ userId: friendOfFriend.user.id });

    const quiet = await followed.feed.posts.create({ text: "A quiet post" });
    const loved = await followed.feed.posts.create({ text: "A loved post" });
    const second = await friendOfFriend.feed.posts.create({ text: "From a friend of a friend" });
    const old = await followed.feed.posts.create({ text: "Liked, but three days ago" });
    await db.post.update({ where: { id: BigInt(old.id) }, data: { createdAt: new Date(Date.now() - 80 * 3_600_000) } });
    const strangers = await stranger.feed.posts.create({ text: "Popular with strangers" });
    const reply = await followed.feed.posts.create({ text: "A reply", replyToId: loved.id });
    const mutedPost = await muted.feed.posts.create({ text: "From someone muted" });
    await likes(loved.id, 5);
    await likes(second.id, 2);
    await likes(old.id, 9);
    await likes(strangers.id, 9);
    await reader.feed.safety.mute({ userId: muted.user.id, muted: true });

    expect(await forYouIds(reader)).toEqual([loved.id, second.id, quiet.id]);
    expect(await forYouIds(reader)).not.toContain(reply.id);
    expect(await forYouIds(reader)).not.toContain(mutedPost.id);
  });

  it("pages through one ranking by position, so a post climbing meanwhile is neither repeated nor skipped", async () => {
    const [reader, author] = await Promise.all([feedPerson("Reader"), feedPerson("Author")]);
    await reader.feed.people.follow({ userId: author.user.id });
    const posts = [];
    for (let index = 0; index < 5; index++) posts.push(await author.feed.posts.create({ text: `Post ${index}` }));

    const first = await reader.feed.timeline.forYou({ limit: 2 });
    expect(first.nextCursor).toBe("2");
    // The oldest post (ranked last) becomes the most liked before the next page is read.
    await likes(posts[0]?.id ?? "", 3);
    const rest: string[] = [];
    for (let cursor = first.nextCursor; cursor; ) {
      const page = await reader.feed.timeline.forYou({ cursor, limit: 2 });
      rest.push(...page.items.map((item) => item.post.id));
      cursor = page.nextCursor;
    }
    const seen = [...first.items.map((item) => item.post.id), ...rest];
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(posts.map((post) => post.id)));
    // A fresh first page ranks afresh.
    expect((await reader.feed.timeline.forYou({ limit: 1 })).items[0]?.post.id).toBe(posts[0]?.id);
    // A later page whose ranking expired meanwhile ranks afresh too, from the same position.
    await redis.del(forYouRankingKey(reader.user.id));
    const afterExpiry = await reader.feed.timeline.forYou({ cursor: "4", limit: 2 });
    expect(afterExpiry.items).toHaveLength(1);
    expect(afterExpiry.nextCursor).toBeNull();
  });

  it("shows someone who follows no one the popular recent posts of everyone", async () => {
    const [newcomer, author] = await Promise.all([feedPerson("Newcomer"), feedPerson("Author")]);
    const popular = await author.feed.posts.create({ text: "Popular with everyone" });
    await likes(popular.id, 40);
    // A post stamped ahead of the database's clock (another server's clock, an import) must not break the ranking.
    const ahead = await author.feed.posts.create({ text: "From a clock that runs fast" });
    await db.post.update({ where: { id: BigInt(ahead.id) }, data: { createdAt: new Date(Date.now() + 3 * 3_600_000) } });
    expect(await forYouIds(newcomer, 20)).toContain(popular.id);
    await expect(newcomer.feed.timeline.forYou({ cursor: "not-a-position" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
