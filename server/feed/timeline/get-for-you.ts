import { z } from "zod";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { hydrateTimeline } from "@/server/feed/hydrate/hydrate-posts";
import type { TimelinePage } from "@/server/feed/hydrate/post-view";
import { rankForYou } from "./rank-for-you";

export const ForYouInput = z.object({
  /** The position in the ranking where the next page starts ("20", "40"...); none for a fresh ranking. */
  cursor: z.string().regex(/^\d{1,4}$/).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});

/** A ranking is kept this long for paging; opening the tab again ranks afresh. */
const RANKING_TTL_SECONDS = 15 * 60;

/** A viewer's kept ranking, one post id per list item (erase-account-feed.ts removes it too). */
export const forYouRankingKey = (userId: string) => `feed:foryou:{${userId}}`;

/**
 * The "For you" tab (rank-for-you.ts). The first page ranks afresh and keeps
 * the ranking in Redis; later pages read the same ranking by position, so
 * scores moving meanwhile never repeat or skip a post while scrolling. A
 * ranking that expired is made again.
 */
export async function getForYou({ db, redis, viewerId, input }: { db: Db; redis: Redis; viewerId: string; input: z.input<typeof ForYouInput> }): Promise<TimelinePage> {
  const { cursor, limit } = ForYouInput.parse(input);
  const offset = cursor ? Number(cursor) : 0;
  const key = forYouRankingKey(viewerId);
  if (cursor) {
    // A later page reads just its slice of the kept ranking.
    const read = await redis.multi().llen(key).lrange(key, offset, offset + limit - 1).exec();
    const length = Number(read?.[0]?.[1] ?? 0);
    const slice = (read?.[1]?.[1] ?? []) as string[];
    if (length > 0) return pageOf(db, viewerId, slice.map(BigInt), offset + limit < length ? String(offset + limit) : null);
  }
  const ranking = await rankForYou(db, viewerId);
  if (ranking.length > 0) {
    await redis.multi().del(key).rpush(key, ...ranking.map(String)).expire(key, RANKING_TTL_SECONDS).exec();
  }
  return pageOf(db, viewerId, ranking.slice(offset, offset + limit), offset + limit < ranking.length ? String(offset + limit) : null);
}

async function pageOf(db: Db, viewerId: string, postIds: bigint[], nextCursor: string | null): Promise<TimelinePage> {
  return { items: await hydrateTimeline(db, postIds, viewerId), nextCursor };
}
