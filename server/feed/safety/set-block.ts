import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { limitFeedAction } from "@/server/feed/feed-limits";
import { dropFollow } from "@/server/feed/graph/drop-follow";

/**
 * Blocks or unblocks someone; idempotent. A block ends the follows both ways
 * (and takes each one's posts out of the other's home timeline), removes the
 * Feed notifications they caused me, and from then on hydration hides each
 * one's posts from the other, and replies, likes, reposts, quotes and follows
 * between them are refused. Unblocking restores none of it but allows it again.
 */
export async function setBlock({ db, redis, userId, targetId, blocked }: { db: Db; redis: Redis; userId: string; targetId: string; blocked: boolean }): Promise<{ blocked: boolean }> {
  if (targetId === userId) throw new AppError("BAD_REQUEST", "You cannot block yourself.");
  await limitFeedAction("feed-follow", userId);
  if (!blocked) {
    await db.feedBlock.deleteMany({ where: { blockerId: userId, blockedId: targetId } });
    return { blocked };
  }
  const target = await db.user.findUnique({ where: { id: targetId }, select: { id: true } });
  if (!target) throw new AppError("NOT_FOUND", "This person does not exist.");
  await db.$executeRaw`INSERT INTO "feed_block" ("blockerId", "blockedId") VALUES (${userId}, ${targetId}) ON CONFLICT DO NOTHING`;
  await Promise.all([
    dropFollow({ db, redis, followerId: userId, followeeId: targetId }),
    dropFollow({ db, redis, followerId: targetId, followeeId: userId }),
    db.notification.deleteMany({ where: { userId, kind: { startsWith: "feed." }, payload: { path: ["actorId"], equals: targetId } } }),
  ]);
  return { blocked };
}
