import type { Db } from "@/server/platform/db";

/** True when either person has blocked the other: they cannot follow, see or answer each other. */
export async function isBlockedEitherWay(db: Db, userId: string, otherId: string): Promise<boolean> {
  const count = await db.feedBlock.count({
    where: { OR: [{ blockerId: userId, blockedId: otherId }, { blockerId: otherId, blockedId: userId }] },
  });
  return count > 0;
}

/** True when `userId` wants nothing from `actorId`: they blocked or muted them, or were blocked by them. */
export async function isHiddenFor(db: Db, userId: string, actorId: string): Promise<boolean> {
  const [blocked, muted] = await Promise.all([isBlockedEitherWay(db, userId, actorId), db.feedMute.count({ where: { muterId: userId, mutedId: actorId } })]);
  return blocked || muted > 0;
}
