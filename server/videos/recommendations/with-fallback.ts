import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { toVideoView, VIDEO_VIEW_SELECT, type VideoView } from "../video-view";
import { TRENDING_KEY } from "../views/view-keys";

/**
 * `ranked` ids topped up to `size`: first from trending, then the newest
 * public videos (a fresh install, or a viewer with no history), never an
 * excluded one or one of `skipOwnerId`'s; loaded in that order as VideoViews.
 */
export async function withFallback({ db, redis, ranked, excludeIds, skipOwnerId, size }: { db: Db; redis: Redis; ranked: readonly string[]; excludeIds: readonly string[]; skipOwnerId: string | null; size: number }): Promise<VideoView[]> {
  const taken = new Set([...excludeIds, ...ranked]);
  const ids = [...ranked];
  if (ids.length < size) {
    for (const id of await redis.zrevrange(TRENDING_KEY, 0, size * 3 - 1)) {
      if (taken.has(id)) continue;
      ids.push(id);
      taken.add(id);
    }
  }
  const where = { status: "ready" as const, visibility: "public" as const, ...(skipOwnerId ? { ownerId: { not: skipOwnerId } } : {}) };
  const found = await db.video.findMany({ where: { ...where, id: { in: ids } }, select: VIDEO_VIEW_SELECT });
  const byId = new Map(found.map((row) => [row.id, row]));
  const videos = ids.flatMap((id) => byId.get(id) ?? []).slice(0, size);
  if (videos.length < size) {
    const latest = await db.video.findMany({ where: { ...where, id: { notIn: [...taken] } }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: size - videos.length, select: VIDEO_VIEW_SELECT });
    videos.push(...latest);
  }
  return videos.map(toVideoView);
}
