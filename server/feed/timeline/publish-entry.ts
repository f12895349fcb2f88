import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { enqueue } from "@/server/platform/queue";
import { publish } from "@/server/platform/realtime";
import type { Redis } from "@/server/platform/redis";
import { FEED_EVENTS, feedAuthorChannel, type NewPostEvent } from "@/server/feed/feed-channels";
import { noteAuthorStatus } from "./followed-celebrities";
import { isCelebrity } from "./timeline-entries";
import { addToTimeline } from "./timeline-store";

const log = logger.child({ module: "feed" });

/**
 * After a timeline entry (post, quote, repost) is stored: it joins the
 * author's recent-posts set at once (the author sees it on their next read,
 * and so do followers of a celebrity), then either the fan-out job is queued
 * (most authors) or, for an author above the celebrity threshold, one event
 * on the author's channel lets followers' pills count it; either way the
 * author's side of the threshold is noted for the followers' cached lists of
 * celebrities. Replies are not timeline entries and skip all of this.
 */
export async function publishEntry({ db, redis, authorId, postId }: { db: Db; redis: Redis; authorId: string; postId: bigint }): Promise<void> {
  const [celebrity] = await Promise.all([isCelebrity(db, authorId), addToTimeline(redis, "recent", authorId, [postId])]);
  if (!celebrity) {
    await Promise.all([enqueue("feed-fanout", { postId: postId.toString() }), noteAuthorStatus(redis, authorId, false)]);
    return;
  }
  // Before the answer: a follower's next read must merge this author (followed-celebrities.ts).
  await noteAuthorStatus(redis, authorId, true);
  const event: NewPostEvent = { postId: postId.toString(), authorId };
  await publish(feedAuthorChannel(authorId), FEED_EVENTS.newPost, event).catch((error: unknown) =>
    log.warn({ postId: event.postId, err: error instanceof Error ? error.message : String(error) }, "could not announce a celebrity's post"),
  );
}
