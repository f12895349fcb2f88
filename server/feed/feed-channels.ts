import type { ChannelAccessRules } from "@/server/platform/channel-access";

/**
 * Feed's realtime channels, event names and access rules, in one place for
 * the publishers, the gateway's authorization (composed in
 * server/realtime/channel-rules.ts) and the browser. Pure: the browser imports it.
 *
 * - `private-feed-home-<userId>`: "a post reached your home timeline", pushed by
 *   the fan-out job to each follower whose timeline it entered. Its owner only.
 * - `private-feed-author-<userId>`: "this author posted", pushed once per post of
 *   an author above the celebrity threshold (their posts are merged at read
 *   time, not fanned out), so followers' pills count them too. Posts are public:
 *   any signed-in person may listen.
 */
export const FEED_HOME_CHANNEL_PREFIX = "private-feed-home-";
export const FEED_AUTHOR_CHANNEL_PREFIX = "private-feed-author-";

export function feedHomeChannel(userId: string): string {
  return `${FEED_HOME_CHANNEL_PREFIX}${userId}`;
}

export function feedAuthorChannel(authorId: string): string {
  return `${FEED_AUTHOR_CHANNEL_PREFIX}${authorId}`;
}

export const FEED_EVENTS = {
  /** `{ postId, authorId }`: a new entry for the home timeline; the client shows "N new posts". */
  newPost: "new-post",
} as const;

export type NewPostEvent = { postId: string; authorId: string };

export const FEED_CHANNEL_RULES: ChannelAccessRules = {
  [FEED_HOME_CHANNEL_PREFIX]: ({ user, id }) => id === user.id,
  [FEED_AUTHOR_CHANNEL_PREFIX]: () => true,
};
