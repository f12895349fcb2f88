import { z } from "zod";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { PostId } from "@/server/feed/posts/post-id";
import { hydrateTimeline } from "@/server/feed/hydrate/hydrate-posts";
import type { TimelinePage } from "@/server/feed/hydrate/post-view";
import { readOrRebuildTimelines, type TimelineSet } from "./ensure-timelines";
import { listFollowedCelebritiesCached } from "./followed-celebrities";
import { readTimelines } from "./timeline-store";

export const HomeTimelineInput = z.object({
  cursor: PostId.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});

/**
 * The viewer's "Following" timeline, newest first: their fanned-out home set
 * merged with their own recent posts (seen at once, before the fan-out job
 * runs) and the recent posts of each celebrity they follow (never fanned
 * out). Every source is ordered by post id, and the cursor is the last id
 * shown, so a page never repeats or skips an entry however many posts arrive
 * meanwhile: new ones have higher ids and only show at the top.
 *
 * Cost: two Redis round trips in parallel (the followed celebrities, cached
 * by followed-celebrities.ts; home + own posts), one more when celebrities
 * are followed, one hydration query. A cold set or list is rebuilt from
 * Postgres on the way.
 */
export async function getHomeTimeline({
  db,
  redis,
  viewerId,
  input,
}: {
  db: Db;
  redis: Redis;
  viewerId: string;
  input: z.input<typeof HomeTimelineInput>;
}): Promise<TimelinePage & { celebrityIds: string[] }> {
  const { cursor, limit } = HomeTimelineInput.parse(input);
  const range = { before: cursor ? BigInt(cursor) : null, count: limit + 1 };
  const own: TimelineSet[] = [
    { kind: "home", userId: viewerId },
    { kind: "recent", userId: viewerId },
  ];
  const [celebrityIds, firstRead] = await Promise.all([listFollowedCelebritiesCached({ db, redis, userId: viewerId }), readTimelines(redis, own, range)]);
  const ownSlices = firstRead.every((slice) => slice.ready) ? firstRead : await readOrRebuildTimelines({ db, redis }, own, range);
  const celebrities: TimelineSet[] = celebrityIds.map((userId) => ({ kind: "recent", userId }));
  const celebritySlices = celebrities.length > 0 ? await readOrRebuildTimelines({ db, redis }, celebrities, range) : [];

  const ids = mergeNewestFirst([...ownSlices, ...celebritySlices].map((slice) => slice.postIds), limit + 1);
  const page = ids.slice(0, limit);
  const items = await hydrateTimeline(db, page, viewerId);
  return { items, nextCursor: ids.length > limit ? (page.at(-1)?.toString() ?? null) : null, celebrityIds };
}

/** The newest `count` distinct ids of several newest-first lists. */
export function mergeNewestFirst(lists: bigint[][], count: number): bigint[] {
  const all = [...new Set(lists.flat())].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  return all.slice(0, count);
}
