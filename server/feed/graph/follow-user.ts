import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { notifyFeed, type FeedActor } from "@/server/feed/feed-actor";
import { limitFeedAction } from "@/server/feed/feed-limits";
import { isCelebrity, listAuthorEntries } from "@/server/feed/timeline/timeline-entries";
import { noteFollowChange } from "@/server/feed/timeline/followed-celebrities";
import { addToTimeline } from "@/server/feed/timeline/timeline-store";
import { isBlockedEitherWay } from "@/server/feed/safety/block-state";

/**
 * Follows someone, once (a repeat is a no-op); the count triggers move both
 * profiles' counts. The followee's recent entries are back-filled into the
 * follower's home timeline (if it is in Redis; otherwise its rebuild will
 * include them), except a celebrity's, which are merged at read time anyway.
 */
export async function followUser({ db, redis, actor, userId }: { db: Db; redis: Redis; actor: FeedActor; userId: string }): Promise<{ following: true }> {
  if (userId === actor.id) throw new AppError("BAD_REQUEST", "You cannot follow yourself.");
  await limitFeedAction("feed-follow", actor.id);
  const followee = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!followee) throw new AppError("NOT_FOUND", "This person does not exist.");
  if (await isBlockedEitherWay(db, actor.id, userId)) throw new AppError("FORBIDDEN", "You cannot follow this person: one of you blocked the other.");
  const created = await db.$executeRaw`
    INSERT INTO "feed_follow" ("followerId", "followeeId") VALUES (${actor.id}, ${userId}) ON CONFLICT DO NOTHING`;
  if (created === 0) return { following: true };
  await noteFollowChange(redis, actor.id);
  if (!(await isCelebrity(db, userId))) {
    await addToTimeline(redis, "home", actor.id, await listAuthorEntries(db, userId));
  }
  await notifyFeed(db, userId, "feed.follow", actor);
  return { following: true };
}
