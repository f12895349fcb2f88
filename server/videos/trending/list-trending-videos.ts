import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { toVideoView, VIDEO_VIEW_SELECT } from "../video-view";
import { TRENDING_KEY } from "../views/view-keys";

const ROW_SIZE = 12;
/** Read a few more than shown: some may have turned private or been deleted since their views. */
const CANDIDATES = ROW_SIZE * 3;

/** The home page's "Trending": the public, ready videos with the most views, recent views weighing most (trending-score.ts). */
export async function listTrendingVideos({ db, redis }: { db: Db; redis: Redis }) {
  const ids = await redis.zrevrange(TRENDING_KEY, 0, CANDIDATES - 1);
  if (ids.length === 0) return [];
  const rows = await db.video.findMany({ where: { id: { in: ids }, status: "ready", visibility: "public" }, select: VIDEO_VIEW_SELECT });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []).slice(0, ROW_SIZE).map(toVideoView);
}
