import type { Db } from "@/server/platform/db";

/** Whether the viewer paused their watch history (no settings row: not paused). */
export async function isHistoryPaused(db: Db, userId: string): Promise<boolean> {
  const settings = await db.videoViewerSettings.findUnique({ where: { userId }, select: { historyPaused: true } });
  return settings?.historyPaused ?? false;
}

/** Pauses or resumes the watch history; while paused, watching writes nothing and keeps no position. */
export async function setHistoryPaused({ db, userId, paused }: { db: Db; userId: string; paused: boolean }): Promise<{ paused: boolean }> {
  await db.videoViewerSettings.upsert({ where: { userId }, create: { userId, historyPaused: paused }, update: { historyPaused: paused } });
  return { paused };
}
