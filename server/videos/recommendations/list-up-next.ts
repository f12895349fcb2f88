import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { assertMayWatch, findWatchAccess } from "../get-watchable-video";
import { rankRelatedVideos } from "./rank-related-videos";
import { withFallback } from "./with-fallback";

export const UP_NEXT_SIZE = 8;

/**
 * The watch page's "Up next": videos related to this one (its tags, its
 * channel, what its watchers also watched), topped up with trending and the
 * newest. The first is what plays when this one ends. Follows the watch rule:
 * someone who may not watch the video learns nothing from its relatives.
 */
export async function listUpNext({ db, redis, videoId, viewerId }: { db: Db; redis: Redis; videoId: string; viewerId: string | null }) {
  await assertMayWatch(await findWatchAccess(db, videoId), async () => viewerId);
  const ranked = await rankRelatedVideos(db, { anchorIds: [videoId], excludeIds: [videoId], skipOwnerId: null, limit: UP_NEXT_SIZE });
  return withFallback({ db, redis, ranked, excludeIds: [videoId], skipOwnerId: null, size: UP_NEXT_SIZE });
}
