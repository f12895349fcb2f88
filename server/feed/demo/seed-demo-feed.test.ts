import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestUser } from "@/server/accounts/test-users";
import { db } from "@/server/platform/db";
import { createLocalDiskStore } from "@/server/platform/local-disk-store";
import { seedDemoFeed } from "./seed-demo-feed";

afterAll(async () => {
  await db.$disconnect();
});

describe("seedDemoFeed", () => {
  it("creates a living feed once, then changes nothing, with counts equal to the rows", async () => {
    const demo = [await createTestUser(db), await createTestUser(db)];
    const usernames = demo.map((user) => user.username ?? "");
    const storage = createLocalDiskStore(await mkdtemp(path.join(os.tmpdir(), "casebook-feed-seed-")));
    const first = await seedDemoFeed({ db, storage, demoUsernames: usernames });
    expect(first.accountsCreated).toBe(300);
    expect(first.postsCreated).toBeGreaterThan(600);
    expect(await db.follow.count({ where: { followerId: demo[0]?.id, followeeId: demo[1]?.id } })).toBe(1);

    expect(first.picturesCreated).toBe(6);
    const pictures = await db.postImage.findMany({ where: { key: { startsWith: "feed/images/demo-" } }, select: { key: true, postId: true } });
    expect(pictures.every((picture) => picture.postId !== null)).toBe(true);
    expect((await storage.statObject(pictures[0]?.key ?? ""))?.size).toBeGreaterThan(1_000);

    expect(await seedDemoFeed({ db, storage, demoUsernames: usernames })).toEqual({ accountsCreated: 0, followsCreated: 0, postsCreated: 0, picturesCreated: 0 });
    const drift = await db.$queryRaw<Array<{ drifted: bigint }>>`
      SELECT count(*) AS drifted FROM "feed_profile" p
       WHERE p."followerCount" <> (SELECT count(*) FROM "feed_follow" f WHERE f."followeeId" = p."userId")
          OR p."followingCount" <> (SELECT count(*) FROM "feed_follow" f WHERE f."followerId" = p."userId")
          OR p."postCount" <> (SELECT count(*) FROM "feed_post" x WHERE x."authorId" = p."userId" AND x."deletedAt" IS NULL AND x."repostOfId" IS NULL)`;
    expect(drift[0]?.drifted).toBe(0n);
    const likes = await db.$queryRaw<Array<{ drifted: bigint }>>`
      SELECT count(*) AS drifted FROM "feed_post" p WHERE p."likeCount" <> (SELECT count(*) FROM "feed_like" l WHERE l."postId" = p."id")`;
    expect(likes[0]?.drifted).toBe(0n);
  }, 120_000); // a few thousand rows and their triggers, on a shared two-core box
});
