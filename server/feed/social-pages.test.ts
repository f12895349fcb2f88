import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_FEED_POST_POINTS = "10000";
  process.env.RATE_LIMIT_FEED_FOLLOW_POINTS = "10000";
  process.env.RATE_LIMIT_FEED_LIKE_POINTS = "10000";
});

import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { feedCaller, feedPerson } from "./feed-test-kit";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

describe("bookmarks and likes", () => {
  it("list what was bookmarked (privately) or liked (publicly), the latest first, paging without repeats", async () => {
    const author = await feedPerson("Author");
    const reader = await feedPerson("Reader");
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) ids.push((await author.feed.posts.create({ text: `post ${index}` })).id);
    // Bookmarked and liked out of posting order: the lists follow the order of the clicks.
    const order = [ids[2], ids[0], ids[4], ids[1]].map(String);
    for (const postId of order) {
      await reader.feed.engagement.bookmark({ postId, bookmarked: true });
      await reader.feed.engagement.like({ postId, liked: true });
    }
    await author.feed.posts.delete({ postId: order[1] ?? "" });

    const expected = [...order].reverse().filter((id) => id !== order[1]);
    const first = await reader.feed.posts.bookmarks({ limit: 2 });
    const second = await reader.feed.posts.bookmarks({ limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((item) => item.entryId)).toEqual(expected);
    expect(second.nextCursor).toBeNull();
    expect(first.items.every((item) => item.post.bookmarked)).toBe(true);
    expect((await author.feed.posts.bookmarks({})).items).toEqual([]);
    await expect(feedCaller(null).posts.bookmarks({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const liked = await feedCaller(null).posts.likedBy({ userId: reader.user.id, limit: 10 });
    expect(liked.items.map((item) => item.entryId)).toEqual(expected);
  });
});

describe("followers and following", () => {
  it("list the newest follow first, page, and leave out people blocked either way", async () => {
    const star = await feedPerson("Star");
    const viewer = await feedPerson("Viewer");
    const fans = [await feedPerson("Fan 1"), await feedPerson("Fan 2"), await feedPerson("Fan 3")];
    for (const fan of fans) await fan.feed.people.follow({ userId: star.user.id });
    await star.feed.people.follow({ userId: fans[0]?.user.id ?? "" });

    const first = await viewer.feed.people.follows({ userId: star.user.id, list: "followers", limit: 2 });
    const second = await viewer.feed.people.follows({ userId: star.user.id, list: "followers", limit: 2, cursor: first.nextCursor });
    expect([...first.people, ...second.people].map((person) => person.id)).toEqual(fans.map((fan) => fan.user.id).reverse());
    expect(second.nextCursor).toBeNull();
    expect((await feedCaller(null).people.follows({ userId: star.user.id, list: "following" })).people.map((person) => person.name)).toEqual(["Fan 1"]);

    await fans[1]?.feed.safety.block({ userId: viewer.user.id, blocked: true });
    const afterBlock = await viewer.feed.people.follows({ userId: star.user.id, list: "followers" });
    expect(afterBlock.people.map((person) => person.id)).toEqual([fans[2]?.user.id, fans[0]?.user.id]);
  });
});

describe("bio", () => {
  it("is the person's own to edit, up to 160 characters, and shows on the profile", async () => {
    const me = await feedPerson("Bio writer");
    await me.feed.people.updateBio({ bio: "  Writes <b>plain</b> text  " });
    expect(await feedCaller(null).people.profile({ username: me.user.username ?? "" })).toMatchObject({ bio: "Writes <b>plain</b> text" });
    await expect(me.feed.people.updateBio({ bio: "x".repeat(161) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(feedCaller(null).people.updateBio({ bio: "hi" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
