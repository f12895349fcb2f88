import type { Db } from "@/server/platform/db";
import type { ObjectStore } from "@/server/platform/storage";
import { hashtags } from "@/server/feed/posts/post-text";
import { pickWith, seededRandom } from "@/server/platform/seeded-random";
import { FIRST_NAMES, LAST_NAMES, POST_TEMPLATES, REPLY_TEMPLATES, TOPICS } from "./demo-feed-data";
import { seedDemoPictures } from "./seed-demo-pictures";

export type FeedSeedResult = { accountsCreated: number; followsCreated: number; postsCreated: number; picturesCreated: number };

const GENERATED_ACCOUNTS = 300;
const DAY_MS = 86_400_000;


/**
 * The demo Feed, idempotent: 300 generated people (`feedfan_001` ...) who
 * follow each other on a skewed graph (a few are popular), the demo accounts
 * following each other and some of them, and a week of posts, replies and
 * likes with a trending #casebook, and a few generated pictures. Accounts and follows are inserted when
 * missing (skipDuplicates; the count triggers move only for new rows); posts,
 * replies and likes only the first time, when the generated people have none.
 * Timelines need nothing: Redis rebuilds them from these rows on first read.
 */
export async function seedDemoFeed({
  db,
  storage,
  demoUsernames,
  now = new Date(),
}: {
  db: Db;
  storage: Pick<ObjectStore, "putObject">;
  demoUsernames: readonly string[];
  now?: Date;
}): Promise<FeedSeedResult> {
  const next = seededRandom(20261206);
  const generated = Array.from({ length: GENERATED_ACCOUNTS }, (_, index) => {
    const number = String(index + 1).padStart(3, "0");
    const name = `${pickWith(next, FIRST_NAMES)} ${pickWith(next, LAST_NAMES)}`;
    return { id: `feed-demo-${number}`, name, email: `feedfan-${number}@demo.casebook.dev`, username: `feedfan_${number}`, displayUsername: `feedfan_${number}`, createdAt: new Date(now.getTime() - (30 + index) * DAY_MS) };
  });
  const { count: accountsCreated } = await db.user.createMany({ data: generated, skipDuplicates: true });

  const demo = await db.user.findMany({ where: { username: { in: [...demoUsernames] } }, select: { id: true } });
  const demoIds = demo.map((user) => user.id);
  const generatedIds = generated.map((user) => user.id);
  // Popularity falls off with the index (a power law): low numbers are followed by many.
  const popular = () => generatedIds[Math.floor(GENERATED_ACCOUNTS * next() ** 2.5)] as string;
  const follows: Array<{ followerId: string; followeeId: string }> = [];
  for (const a of demoIds) for (const b of demoIds) if (a !== b) follows.push({ followerId: a, followeeId: b });
  for (const demoId of demoIds) for (let index = 0; index < 40; index++) follows.push({ followerId: demoId, followeeId: popular() });
  for (const id of generatedIds) {
    const count = 5 + Math.floor(next() * 25);
    for (let index = 0; index < count; index++) follows.push({ followerId: id, followeeId: popular() });
    if (next() < 0.4) follows.push({ followerId: id, followeeId: pickWith(next, demoIds.length ? demoIds : generatedIds) });
  }
  const { count: followsCreated } = await db.follow.createMany({ data: follows.filter((follow) => follow.followerId !== follow.followeeId), skipDuplicates: true });

  const postsCreated = (await db.post.count({ where: { authorId: { in: generatedIds } } })) === 0 ? await seedPosts(db, [...generatedIds, ...demoIds], next, now) : 0;
  const picturesCreated = await seedDemoPictures({ db, storage, authorIds: generatedIds });
  return { accountsCreated, followsCreated, postsCreated, picturesCreated };
}

async function seedPosts(db: Db, authorIds: string[], next: () => number, now: Date): Promise<number> {
  const posts = authorIds.flatMap((authorId) =>
    Array.from({ length: 2 + Math.floor(next() * 6) }, () => ({
      authorId,
      text: pickWith(next, POST_TEMPLATES).replace("{topic}", next() < 0.35 ? "casebook" : pickWith(next, TOPICS)),
      createdAt: new Date(now.getTime() - Math.floor(next() * 7 * DAY_MS)),
    })),
  );
  // Ids follow time, as they do for live posts: timelines are ordered by id.
  posts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  await db.post.createMany({ data: posts });
  const stored = await db.post.findMany({ where: { authorId: { in: authorIds }, replyToId: null }, select: { id: true, authorId: true, text: true, createdAt: true } });
  await db.postTag.createMany({
    data: stored.flatMap((post) => hashtags(post.text).map((tag) => ({ postId: post.id, tag, authorId: post.authorId, createdAt: post.createdAt }))),
    skipDuplicates: true,
  });

  const replies = stored
    .filter(() => next() < 0.25)
    .map((parent) => ({
      authorId: pickWith(next, authorIds),
      text: pickWith(next, REPLY_TEMPLATES),
      replyToId: parent.id,
      rootId: parent.id,
      createdAt: new Date(Math.min(now.getTime(), parent.createdAt.getTime() + Math.floor(next() * DAY_MS))),
    }))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  await db.post.createMany({ data: replies });

  const likes = stored.flatMap((post) => Array.from({ length: Math.floor(next() ** 2 * 12) }, () => ({ userId: pickWith(next, authorIds), postId: post.id })));
  await db.postLike.createMany({ data: likes, skipDuplicates: true });
  return posts.length + replies.length;
}
