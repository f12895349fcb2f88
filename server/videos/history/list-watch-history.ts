import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { toVideoView, VIDEO_VIEW_SELECT } from "../video-view";
import { isHistoryPaused } from "./history-settings";
import { watchableBy } from "./watchable-by";

export const WatchHistoryInput = z.object({
  /** The `watchedAt` (ISO) of the last item of the previous page. */
  cursor: z.iso.datetime().nullish(),
  limit: z.number().int().min(1).max(48).default(24),
});

/** My watch history, most recently watched first, with where I stopped; and whether it is paused. Videos I may no longer watch are left out. */
export async function listWatchHistory({ db, userId, input }: { db: Db; userId: string; input: z.infer<typeof WatchHistoryInput> }) {
  const rows = await db.videoWatch.findMany({
    where: { userId, video: watchableBy(userId), ...(input.cursor ? { watchedAt: { lt: new Date(input.cursor) } } : {}) },
    orderBy: { watchedAt: "desc" },
    take: input.limit + 1,
    select: { positionSeconds: true, watchedAt: true, video: { select: VIDEO_VIEW_SELECT } },
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((row) => ({ video: toVideoView(row.video), positionSeconds: row.positionSeconds, watchedAt: row.watchedAt })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.watchedAt.toISOString() ?? null) : null,
    paused: await isHistoryPaused(db, userId),
  };
}
