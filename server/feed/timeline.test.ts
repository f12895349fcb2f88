import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Three followers make a celebrity here, so both sides of the threshold fit in a test.
  process.env.FEED_CELEBRITY_FOLLOWERS = "3";
  process.env.RATE_LIMIT_FEED_POST_POINTS = "10000";
  process.env.RATE_LIMIT_FEED_FOLLOW_POINTS = "10000";
  process.env.RATE_LIMIT_FEED_LIKE_POINTS = "10000";
});

import { countingDb } from "@/server/platform/counting-db";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { feedPerson, readWholeTimeline, startFanOutWorker, type FeedPerson } from "./feed-test-kit";
import { getHomeTimeline } from "./timeline/get-home-timeline";
import { dropTimeline } from "./timeline/timeline-store";

let worker: { close: () => Promise<void> };

beforeAll(() => {
  worker = startFanOutWorker();
});

afterAll(async () => {
  await worker.close();
  redis.disconnect();
  await db.$disconnect();
});

async function post(person: FeedPerson, text: string): Promise<string> {
  return (await person.feed.posts.create({ text })).id;
}

/** Someone with `count` followers besides the reader. */
async function authorWithFollowers(count: number, name: string): Promise<FeedPerson> {
  const author = await feedPerson(name);
  for (let index = 0; index < count; index++) await (await feedPerson()).feed.people.follow({ userId: author.user.id });
  return author;
}

const newestFirst = (ids: string[]) => [...ids].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1));

describe("home timeline (hybrid fan-out)", () => {
  it("merges fanned-out and celebrity posts newest first, and pages without repeats or gaps while posts arrive", async () => {
    const reader = await feedPerson("Reader");
    const normal = await feedPerson("Normal author");
    const celebrity = await authorWithFollowers(3, "Celebrity");
    await reader.feed.people.follow({ userId: normal.user.id });
    await reader.feed.people.follow({ userId: celebrity.user.id });
    await reader.feed.timeline.home({}); // warm: fan-out only reaches timelines that exist

    const expected: string[] = [];
    for (let index = 0; index < 12; index++) {
      expected.push(await post(index % 3 === 0 ? celebrity : normal, `post ${index}`));
      expected.push(await post(reader, `mine ${index}`));
    }
    await expect.poll(async () => (await readWholeTimeline(reader)).length).toBe(expected.length);

    // Page by 5, with new posts from both sides arriving between pages: they never show on later pages.
    const seen: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page = await reader.feed.timeline.home({ cursor, limit: 5 });
      seen.push(...page.items.map((item) => item.entryId));
      await post(normal, "arrives while paging");
      await post(celebrity, "arrives while paging too");
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(newestFirst(expected));
    expect((await reader.feed.timeline.home({})).celebrityIds).toEqual([celebrity.user.id]);
  });

  it("back-fills on follow and removes on unfollow, on both sides of the threshold", async () => {
    const reader = await feedPerson("Reader");
    const normal = await feedPerson("Normal author");
    const celebrity = await authorWithFollowers(3, "Celebrity");
    const normalPosts = [await post(normal, "one"), await post(normal, "two")];
    const celebrityPosts = [await post(celebrity, "star one"), await post(celebrity, "star two")];
    expect(await readWholeTimeline(reader)).toEqual([]);

    await reader.feed.people.follow({ userId: normal.user.id });
    await reader.feed.people.follow({ userId: celebrity.user.id });
    expect(await readWholeTimeline(reader)).toEqual(newestFirst([...normalPosts, ...celebrityPosts]));

    await reader.feed.people.unfollow({ userId: normal.user.id });
    expect(await readWholeTimeline(reader)).toEqual(newestFirst(celebrityPosts));
    await reader.feed.people.unfollow({ userId: celebrity.user.id });
    expect(await readWholeTimeline(reader)).toEqual([]);
    const profile = await reader.feed.people.profile({ username: normal.user.username ?? "" });
    expect(profile).toMatchObject({ followerCount: 0, following: false, postCount: 2 });
  });

  it("merges an author who becomes a celebrity while followed, from their next post on", async () => {
    const reader = await feedPerson("Reader");
    const rising = await feedPerson("Rising");
    await reader.feed.people.follow({ userId: rising.user.id });
    expect((await reader.feed.timeline.home({})).celebrityIds).toEqual([]);
    const before = await post(rising, "still fanned out");
    await expect.poll(async () => readWholeTimeline(reader)).toEqual([before]);

    // Two more followers make three, the threshold here: the next post is not fanned out, yet the reader's
    // cached list of celebrities must not hide it.
    for (let index = 0; index < 2; index++) await (await feedPerson()).feed.people.follow({ userId: rising.user.id });
    const after = await post(rising, "merged at read time");
    expect(await readWholeTimeline(reader)).toEqual([after, before]);
    expect((await reader.feed.timeline.home({})).celebrityIds).toEqual([rising.user.id]);
  });

  it("drops deleted posts and undone reposts from every timeline at once", async () => {
    const reader = await feedPerson("Reader");
    const author = await feedPerson("Author");
    const reposter = await feedPerson("Reposter");
    await reader.feed.people.follow({ userId: author.user.id });
    await reader.feed.people.follow({ userId: reposter.user.id });
    await reader.feed.timeline.home({});
    const kept = await post(author, "kept");
    const doomed = await post(author, "doomed");
    await reposter.feed.engagement.repost({ postId: kept, reposted: true });
    await expect.poll(async () => (await readWholeTimeline(reader)).length).toBe(3);

    await author.feed.posts.delete({ postId: doomed });
    await reposter.feed.engagement.repost({ postId: kept, reposted: false });
    expect(await readWholeTimeline(reader)).toEqual([kept]);
    await expect(reader.feed.posts.delete({ postId: kept })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reader.feed.engagement.like({ postId: doomed, liked: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("rebuilds a cold timeline from Postgres equal to the warm one", async () => {
    const reader = await feedPerson("Reader");
    const authors = await Promise.all([feedPerson("A1"), feedPerson("A2"), authorWithFollowers(3, "Star")]);
    for (const author of authors) await reader.feed.people.follow({ userId: author.user.id });
    await reader.feed.timeline.home({});
    for (let round = 0; round < 5; round++) for (const author of authors) await post(author, `round ${round}`);
    await post(reader, "my own");
    await expect.poll(async () => (await readWholeTimeline(reader)).length).toBe(16);
    const warm = await readWholeTimeline(reader, 7);

    await dropTimeline(redis, "home", reader.user.id);
    await dropTimeline(redis, "recent", reader.user.id);
    for (const author of authors) await dropTimeline(redis, "recent", author.user.id);
    expect(await readWholeTimeline(reader, 7)).toEqual(warm);
  });

  it("hydrates a page with a fixed number of queries, whatever its size", async () => {
    const reader = await feedPerson("Reader");
    const authors = await Promise.all([feedPerson("Q1"), feedPerson("Q2"), authorWithFollowers(3, "Q star")]);
    for (const author of authors) await reader.feed.people.follow({ userId: author.user.id });
    await reader.feed.timeline.home({});
    for (let round = 0; round < 8; round++) {
      for (const author of authors) {
        const id = await post(author, `round ${round} #tag @${reader.user.username}`);
        if (round % 2 === 0) await reader.feed.engagement.like({ postId: id, liked: true });
      }
    }
    await expect.poll(async () => (await readWholeTimeline(reader)).length).toBe(24);

    const statementsFor = async (limit: number) => {
      const counted = countingDb(db);
      const page = await getHomeTimeline({ db: counted.db, redis, viewerId: reader.user.id, input: { limit } });
      expect(page.items).toHaveLength(limit);
      return counted.statements();
    };
    // The followed celebrities come from Redis once read (followed-celebrities.ts); one statement hydrates posts,
    // authors and the viewer's likes, reposts, bookmarks.
    expect(await statementsFor(3)).toBe(1);
    expect(await statementsFor(20)).toBe(1);
    const page = await reader.feed.timeline.home({ limit: 20 });
    // The newest 20 are rounds 7 to 2 and two posts of round 1, of which rounds 6, 4 and 2 were liked.
    expect(page.items.filter((item) => item.post.liked)).toHaveLength(9);
  });
});

describe("likes and reposts", () => {
  it("keep exact counts under concurrent and repeated calls", async () => {
    const author = await feedPerson("Author");
    const fans = await Promise.all(Array.from({ length: 8 }, (_, index) => feedPerson(`Fan ${index}`)));
    const postId = await post(author, "like me");

    await Promise.all(fans.flatMap((fan) => Array.from({ length: 4 }, () => fan.feed.engagement.like({ postId, liked: true }))));
    await Promise.all(fans.slice(0, 3).flatMap((fan) => [fan.feed.engagement.repost({ postId, reposted: true }), fan.feed.engagement.repost({ postId, reposted: true })]));
    const counts = async () => db.post.findUniqueOrThrow({ where: { id: BigInt(postId) }, select: { likeCount: true, repostCount: true } });
    expect(await counts()).toEqual({ likeCount: 8, repostCount: 3 });
    expect(await db.postLike.count({ where: { postId: BigInt(postId) } })).toBe(8);

    await Promise.all(fans.slice(0, 5).flatMap((fan) => [fan.feed.engagement.like({ postId, liked: false }), fan.feed.engagement.like({ postId, liked: false })]));
    expect(await counts()).toEqual({ likeCount: 3, repostCount: 3 });
  });
});
