import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { rankRelatedVideos } from "./rank-related-videos";
import { withFallback } from "./with-fallback";

const ROW_SIZE = 12;
/** My most recent history entries that steer the recommendations (and are not recommended again). */
const HISTORY_ANCHORS = 20;

/**
 * The home page's "Recommended for you": videos related to what I watched
 * lately (shared tags, the same channels, co-watching: rank-related-videos.ts),
 * not ones I just watched and not my own, topped up with trending and the
 * newest when my history says too little (or nothing yet).
 */
export async function listRecommendedVideos({ db, redis, userId }: { db: Db; redis: Redis; userId: string }) {
  const history = await db.videoWatch.findMany({ where: { userId }, orderBy: { watchedAt: "desc" }, take: HISTORY_ANCHORS, select: { videoId: true } });
  const watched = history.map((row) => row.videoId);
  const ranked = await rankRelatedVideos(db, { anchorIds: watched, excludeIds: watched, skipOwnerId: userId, limit: ROW_SIZE });
  return withFallback({ db, redis, ranked, excludeIds: watched, skipOwnerId: userId, size: ROW_SIZE });
}
