import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { assertMayWatch, findWatchAccess } from "../get-watchable-video";
import { isHistoryPaused } from "./history-settings";

export const SaveWatchPositionInput = z.object({
  videoId: z.string().min(1).max(64),
  /** Where the player is, in seconds (clamped to the video's duration). */
  positionSeconds: z.number().min(0).max(24 * 3600),
});

/**
 * The player reports where it is (every 10 s while playing, on pause and on
 * leaving): the video moves to the top of the watch history with that
 * position, which the watch page resumes from. Nothing is kept while the
 * history is paused.
 */
export async function saveWatchPosition({ db, userId, input }: { db: Db; userId: string; input: z.infer<typeof SaveWatchPositionInput> }): Promise<{ saved: boolean }> {
  await assertMayWatch(await findWatchAccess(db, input.videoId), async () => userId);
  if (await isHistoryPaused(db, userId)) return { saved: false };
  const { durationSeconds } = await db.video.findUniqueOrThrow({ where: { id: input.videoId }, select: { durationSeconds: true } });
  const positionSeconds = Math.min(input.positionSeconds, durationSeconds ?? input.positionSeconds);
  const watchedAt = new Date();
  await db.videoWatch.upsert({
    where: { userId_videoId: { userId, videoId: input.videoId } },
    create: { userId, videoId: input.videoId, positionSeconds, watchedAt },
    update: { positionSeconds, watchedAt },
  });
  return { saved: true };
}
