import { afterAll, describe, expect, it } from "vitest";
import { createTestUser } from "@/server/accounts/test-users";
import { db } from "@/server/platform/db";
import { seedDemoFeed } from "./seed-demo-feed";

afterAll(async () => {
  await db.$disconnect();
});

describe("seedDemoFeed", () => {
  it("creates a living feed once, then changes nothing, with counts equal to the rows", async () => {
    const demo = [await createTestUser(db), await createTestUser(db)];
    const usernames = demo.map((user) => user.username ?? "");
    const first = await seedDemoFeed({ db, demoUsernames: usernames });
    expect(first.accountsCreated).toBe(300);
    expect(first.postsCreated).toBeGreaterThan(600);
    expect(await db.follow.count({ where: { followerId: demo[0]?.id, followeeId: demo[1]?.id } })).toBe(1);

    expect(await seedDemoFeed({ db, demoUsernames: usernames })).toEqual({ accountsCreated: 0, followsCreated: 0, postsCreated: 0 });
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
