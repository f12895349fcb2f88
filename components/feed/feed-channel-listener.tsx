"use client";

import { useChannelEvent } from "@/components/realtime/realtime-provider";
import { FEED_EVENTS, type NewPostEvent } from "@/server/feed/feed-channels";

/** Listens for new posts on one feed channel while mounted (one per channel, so a list of channels is a list of these). */
export function FeedChannelListener({ channel, onPost }: { channel: string; onPost: (event: NewPostEvent) => void }) {
  useChannelEvent<NewPostEvent>(channel, FEED_EVENTS.newPost, onPost);
  return null;
}

/** How many of the arrived post ids are newer than the newest one shown. */
export function countNewer(ids: ReadonlySet<string>, newestShown: string | null): number {
  if (newestShown === null) return ids.size;
  const newest = BigInt(newestShown);
  let count = 0;
  for (const id of ids) if (BigInt(id) > newest) count += 1;
  return count;
}
