import type { Db } from "@/server/platform/db";
import { toVideoView, VIDEO_VIEW_SELECT } from "../video-view";
import { watchableBy } from "./watchable-by";

/** Started means past the first seconds; finished means within the last 5 % (credits). */
const STARTED_SECONDS = 3;
const FINISHED_SHARE = 0.95;
const ROW_SIZE = 12;
/** Recent history rows looked at: enough that a row of unfinished ones is found among finished ones. */
const LOOK_BACK = 60;

/** The home page's "Continue watching": my recent videos started and not finished, with how far I got (0–1). */
export async function listContinueWatching({ db, userId }: { db: Db; userId: string }) {
  const rows = await db.videoWatch.findMany({
    where: { userId, video: watchableBy(userId), positionSeconds: { gte: STARTED_SECONDS } },
    orderBy: { watchedAt: "desc" },
    take: LOOK_BACK,
    select: { positionSeconds: true, video: { select: VIDEO_VIEW_SELECT } },
  });
  return rows
    .filter((row) => row.video.durationSeconds !== null && row.positionSeconds < row.video.durationSeconds * FINISHED_SHARE)
    .slice(0, ROW_SIZE)
    .map((row) => ({ video: toVideoView(row.video), positionSeconds: row.positionSeconds, fraction: row.positionSeconds / (row.video.durationSeconds ?? 1) }));
}
