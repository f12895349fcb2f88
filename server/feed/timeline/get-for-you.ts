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

const rankingKey = (userId: string) => `feed:foryou:{${userId}}`;

/**
 * The "For you" tab (rank-for-you.ts). The first page ranks afresh and keeps
 * the ranking in Redis; later pages read the same ranking by position, so
 * scores moving meanwhile never repeat or skip a post while scrolling. A
 * ranking that expired is made again.
 */
export async function getForYou({ db, redis, viewerId, input }: { db: Db; redis: Redis; viewerId: string; input: z.input<typeof ForYouInput> }): Promise<TimelinePage> {
  const { cursor, limit } = ForYouInput.parse(input);
  const offset = cursor ? Number(cursor) : 0;
  const key = rankingKey(viewerId);
  let ranking = cursor ? (await redis.lrange(key, 0, -1)).map(BigInt) : [];
  if (ranking.length === 0) {
    ranking = await rankForYou(db, viewerId);
    if (ranking.length > 0) {
      await redis.multi().del(key).rpush(key, ...ranking.map(String)).expire(key, RANKING_TTL_SECONDS).exec();
    }
  }
  const page = ranking.slice(offset, offset + limit);
  const items = await hydrateTimeline(db, page, viewerId);
  return { items, nextCursor: offset + limit < ranking.length ? String(offset + limit) : null };
}
