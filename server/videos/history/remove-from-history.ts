import type { Db } from "@/server/platform/db";

/** Removes one video from my watch history (and its resume position), or all of them; a repeat is a no-op. */
export async function removeFromHistory({ db, userId, videoId }: { db: Db; userId: string; videoId: string | null }): Promise<{ removed: number }> {
  const { count } = await db.videoWatch.deleteMany({ where: { userId, ...(videoId ? { videoId } : {}) } });
  return { removed: count };
}
