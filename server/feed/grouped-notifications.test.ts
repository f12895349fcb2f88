import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_FEED_POST_POINTS = "10000";
  process.env.RATE_LIMIT_FEED_FOLLOW_POINTS = "10000";
  process.env.RATE_LIMIT_FEED_LIKE_POINTS = "10000";
});

import { describeNotification } from "@/components/notifications/notification-kinds";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { feedPerson, startFanOutWorker } from "./feed-test-kit";

let workers: { close: () => Promise<void> };

beforeAll(() => {
  workers = startFanOutWorker(["send-notification"]);
});

afterAll(async () => {
  await workers.close();
  redis.disconnect();
  await db.$disconnect();
});

const titles = async (userId: string) =>
  (await db.notification.findMany({ where: { userId, kind: { startsWith: "feed." } }, orderBy: { createdAt: "desc" } })).map((row) =>
    describeNotification({ kind: row.kind, payload: row.payload as Record<string, unknown> }).title,
  );

describe("grouped notifications", () => {
  it("fold unread likes of one post into 'X and N others', start again once read, and keep other posts apart", async () => {
    const bob = await feedPerson("Bob");
    const fans = [await feedPerson("Ann"), await feedPerson("Cat"), await feedPerson("Dee"), await feedPerson("Eve")];
    const first = (await bob.feed.posts.create({ text: "Like me" })).id;
    const second = (await bob.feed.posts.create({ text: "Me too" })).id;

    const like = async (index: number, postId: string, expected: string[]) => {
      await fans[index]?.feed.engagement.like({ postId, liked: true });
      await expect.poll(async () => titles(bob.user.id), { timeout: 15_000 }).toEqual(expected);
    };
    await like(0, first, ["Ann liked your post"]);
    await like(1, first, ["Cat and 1 other liked your post"]);
    await like(2, first, ["Dee and 2 others liked your post"]);
    await like(0, second, ["Ann liked your post", "Dee and 2 others liked your post"]);

    await db.notification.updateMany({ where: { userId: bob.user.id }, data: { readAt: new Date() } });
    await like(3, first, ["Eve liked your post", "Ann liked your post", "Dee and 2 others liked your post"]);
  });
});
