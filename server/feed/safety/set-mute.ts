import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { limitFeedAction } from "@/server/feed/feed-limits";

/**
 * Mutes or unmutes someone for me alone; idempotent. Their posts and reposts
 * leave my timelines and threads at hydration and they no longer notify me;
 * follows stay, and they are not told.
 */
export async function setMute({ db, userId, targetId, muted }: { db: Db; userId: string; targetId: string; muted: boolean }): Promise<{ muted: boolean }> {
  if (targetId === userId) throw new AppError("BAD_REQUEST", "You cannot mute yourself.");
  await limitFeedAction("feed-follow", userId);
  if (!muted) {
    await db.feedMute.deleteMany({ where: { muterId: userId, mutedId: targetId } });
    return { muted };
  }
  const target = await db.user.findUnique({ where: { id: targetId }, select: { id: true } });
  if (!target) throw new AppError("NOT_FOUND", "This person does not exist.");
  await db.$executeRaw`INSERT INTO "feed_mute" ("muterId", "mutedId") VALUES (${userId}, ${targetId}) ON CONFLICT DO NOTHING`;
  return { muted };
}
