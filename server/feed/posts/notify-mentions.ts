import type { Db } from "@/server/platform/db";
import { notifyFeed, type FeedActor } from "@/server/feed/feed-actor";
import { mentionedUsernames } from "./post-text";

/** At most this many people are notified per post, so a post cannot be used to spam a crowd. */
const MAX_NOTIFIED_MENTIONS = 10;

/** Tells each existing @mentioned person (one query for all), except those already notified by a reply or quote. */
export async function notifyMentions({
  db,
  actor,
  postId,
  text,
  alreadyNotified,
}: {
  db: Db;
  actor: FeedActor;
  postId: string;
  text: string;
  alreadyNotified: Array<string | undefined>;
}): Promise<void> {
  const usernames = mentionedUsernames(text).slice(0, MAX_NOTIFIED_MENTIONS);
  if (usernames.length === 0) return;
  const people = await db.user.findMany({ where: { username: { in: usernames } }, select: { id: true } });
  for (const person of people) {
    if (!alreadyNotified.includes(person.id)) await notifyFeed(db, person.id, "feed.mention", actor, { postId, preview: text.slice(0, 140) });
  }
}
