import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_FEED_POST_POINTS = "10000";
  process.env.RATE_LIMIT_FEED_FOLLOW_POINTS = "10000";
  process.env.RATE_LIMIT_FEED_LIKE_POINTS = "10000";
});

import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { listTrendingTags } from "./explore/list-trending-tags";
import { feedCaller, feedPerson } from "./feed-test-kit";

afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

/** A word no other test uses, so searches see only this test's posts. */
const uniqueWord = () => `zq${randomUUID().replaceAll("-", "").slice(0, 10)}`;

describe("search", () => {
  it("finds posts by a word (stemmed) and by a hashtag, best match first, with the matched words", async () => {
    const author = await feedPerson("Searcher");
    const word = uniqueWord();
    const once = await author.feed.posts.create({ text: `Went running with ${word} today` });
    const twice = await author.feed.posts.create({ text: `${word} and ${word.toUpperCase()} again #${word}tag` });
    const deleted = await author.feed.posts.create({ text: `Forget ${word}` });
    await author.feed.posts.delete({ postId: deleted.id });

    const byWord = await feedCaller(null).explore.posts({ q: word });
    expect(byWord.items.map((item) => item.entryId)).toEqual([twice.id, once.id]);
    expect(byWord.items[0]?.highlights).toEqual([word, word.toUpperCase()]);

    const stemmed = await feedCaller(null).explore.posts({ q: `${word} runs` });
    expect(stemmed.items.map((item) => item.entryId)).toEqual([once.id]);
    expect(stemmed.items[0]?.highlights).toEqual(["running", word]);

    const byTag = await feedCaller(null).explore.posts({ q: `#${word}tag` });
    expect(byTag.items.map((item) => item.entryId)).toEqual([twice.id]);
    expect((await feedCaller(null).explore.posts({ q: `${word} -today` })).items.map((item) => item.entryId)).toEqual([twice.id]);
  });

  it("pages ranked results without repeats, and hides people blocked either way", async () => {
    const author = await feedPerson("Prolific");
    const reader = await feedPerson("Reader");
    const word = uniqueWord();
    const ids = [];
    for (let index = 0; index < 5; index++) ids.push((await author.feed.posts.create({ text: `${word} number ${index}` })).id);
    const first = await reader.feed.explore.posts({ q: word, limit: 3 });
    const second = await reader.feed.explore.posts({ q: word, limit: 3, cursor: first.nextCursor });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((item) => item.entryId).sort()).toEqual([...ids].sort());

    await author.feed.safety.block({ userId: reader.user.id, blocked: true });
    expect((await reader.feed.explore.posts({ q: word })).items).toEqual([]);
    expect((await reader.feed.explore.people({ q: author.user.username ?? "" })).map((person) => person.id)).not.toContain(author.user.id);
    expect((await feedCaller(null).explore.people({ q: `@${author.user.username}` })).map((person) => person.id)).toEqual([author.user.id]);
  });
});

describe("trending hashtags", () => {
  // A window of our own, far from any other test's posts.
  const now = new Date(Date.UTC(2100, 0, 1) + Math.floor(Math.random() * 1e9));
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

  async function used(tag: string, authorId: string, at: Date) {
    const post = await db.post.create({ data: { authorId, text: `#${tag}`, createdAt: at }, select: { id: true } });
    await db.postTag.create({ data: { postId: post.id, tag, authorId, createdAt: at } });
  }

  it("ranks by distinct people with time decay, and one account cannot trend a tag", async () => {
    const people = (await Promise.all(Array.from({ length: 5 }, (_, index) => feedPerson(`Tagger ${index}`)))).map((person) => person.user.id);
    const [first = "", second = ""] = people;
    const [solo, fresh, stale, crowd] = [uniqueWord(), uniqueWord(), uniqueWord(), uniqueWord()];
    // One account posting a tag thirty times, and one other person once: two people, not a trend.
    for (let index = 0; index < 30; index++) await used(solo, first, hoursAgo(index / 10));
    await used(solo, second, hoursAgo(1));
    for (const person of people.slice(0, 3)) await used(fresh, person, hoursAgo(1));
    for (const person of people) await used(stale, person, hoursAgo(20));
    for (const person of people) await used(crowd, person, hoursAgo(2));
    await used(crowd, first, hoursAgo(30)); // outside the window

    const trending = await listTrendingTags({ db, now });
    expect(trending.map((entry) => entry.tag)).toEqual([crowd, fresh, stale]);
    expect(trending[0]).toMatchObject({ authors: 5, posts: 5 });
    expect(trending.some((entry) => entry.tag === solo)).toBe(false);
  });
});

describe("who to follow", () => {
  it("suggests friends of friends first, then popular people, never someone followed, blocked or muted", async () => {
    const me = await feedPerson("Me");
    const [friend1, friend2, close, far, blocked, muted] = await Promise.all([
      feedPerson("F1"),
      feedPerson("F2"),
      feedPerson("Close"),
      feedPerson("Far"),
      feedPerson("Blocked"),
      feedPerson("Muted"),
    ]);
    for (const friend of [friend1, friend2]) {
      await me.feed.people.follow({ userId: friend.user.id });
      for (const person of [close, blocked, muted]) await friend.feed.people.follow({ userId: person.user.id });
    }
    await friend1.feed.people.follow({ userId: far.user.id });
    await me.feed.safety.block({ userId: blocked.user.id, blocked: true });
    await me.feed.safety.mute({ userId: muted.user.id, muted: true });

    const suggestions = await me.feed.explore.suggestions();
    expect(suggestions.slice(0, 2).map((person) => [person.id, person.mutuals])).toEqual([
      [close.user.id, 2],
      [far.user.id, 1],
    ]);
    const ids = suggestions.map((person) => person.id);
    for (const excluded of [me, friend1, friend2, blocked, muted]) expect(ids).not.toContain(excluded.user.id);
    expect(suggestions).toHaveLength(5);
    expect((await feedCaller(null).explore.suggestions()).every((person) => person.mutuals === 0)).toBe(true);
  });
});
