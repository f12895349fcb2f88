import type { AccountEraser } from "@/server/accounts/account-eraser";
import { forYouRankingKey } from "@/server/feed/timeline/get-for-you";
import { followedCelebritiesKeys } from "@/server/feed/timeline/followed-celebrities";
import { timelineKey } from "@/server/feed/timeline/timeline-store";

/**
 * A deleted account's posts, replies, likes, follows and blocks go with the
 * user row (the count triggers adjust everyone else's counts; followers'
 * timelines drop the posts at hydration). What the cascade cannot reach:
 * their pictures' files and their own timelines in Redis.
 */
export const eraseAccountFeed: AccountEraser = {
  system: "feed",
  erase: async ({ db, redis, storage, userId }) => {
    const images = await db.postImage.findMany({ where: { uploaderId: userId }, select: { key: true } });
    for (const { key } of images) await storage.deleteObject(key);
    await redis.del(timelineKey("home", userId), timelineKey("recent", userId), forYouRankingKey(userId), ...followedCelebritiesKeys(userId));
  },
};
