import { env } from "@/server/env";
import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { publishBatch } from "@/server/platform/realtime";
import type { Redis } from "@/server/platform/redis";
import { FEED_EVENTS, feedHomeChannel, type NewPostEvent } from "@/server/feed/feed-channels";
import { addToHomeTimelines } from "./timeline-store";

const log = logger.child({ module: "feed-fanout" });

/**
 * The "feed-fanout" job: puts a new entry into the home timeline of each of
 * its author's followers, FEED_FANOUT_BATCH followers per Redis round trip
 * (one pipelined script call each, which adds only to timelines that exist,
 * so inactive users' expired timelines cost nothing), and tells the followers
 * whose timeline took it on their home channel ("N new posts").
 *
 * Idempotent: a retry re-adds the same member with the same score. A post
 * deleted before the job runs is skipped; one deleted later is filtered at
 * hydration. Followers are paged by id from the (followeeId, followerId)
 * index, so a follow arriving mid-job is either paged or back-filled itself.
 */
export async function fanOutPost({ db, redis, postId }: { db: Db; redis: Redis; postId: bigint }): Promise<{ followers: number; delivered: number }> {
  const post = await db.post.findUnique({ where: { id: postId }, select: { authorId: true, deletedAt: true, replyToId: true } });
  if (!post || post.deletedAt !== null || post.replyToId !== null) return { followers: 0, delivered: 0 };
  const event: NewPostEvent = { postId: postId.toString(), authorId: post.authorId };
  let after = "";
  let followers = 0;
  let delivered = 0;
  for (;;) {
    const page = await db.follow.findMany({
      where: { followeeId: post.authorId, followerId: { gt: after } },
      select: { followerId: true },
      orderBy: { followerId: "asc" },
      take: env.FEED_FANOUT_BATCH,
    });
    if (page.length === 0) break;
    const ids = page.map((row) => row.followerId);
    const live = await addToHomeTimelines(redis, ids, postId);
    followers += ids.length;
    delivered += live.length;
    await announce(live, event);
    after = ids.at(-1) ?? after;
    if (page.length < env.FEED_FANOUT_BATCH) break;
  }
  return { followers, delivered };
}

/** The pill is a nicety: a realtime failure is logged, never retried into a second fan-out. */
async function announce(userIds: string[], event: NewPostEvent): Promise<void> {
  if (userIds.length === 0) return;
  try {
    await publishBatch(userIds.map((userId) => ({ channel: feedHomeChannel(userId), event: FEED_EVENTS.newPost, data: event })));
  } catch (error) {
    log.warn({ postId: event.postId, err: error instanceof Error ? error.message : String(error) }, "could not announce a new post");
  }
}
