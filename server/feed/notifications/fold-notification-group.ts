import type { Db } from "@/server/platform/db";

/** Who acted in a group is kept up to this many people (the payload stays small); past it the count says "99+". */
const MAX_ACTORS = 100;

/**
 * Feed's grouping of notifications ("Bob and 3 others liked your post"): a
 * like, repost or follow carries a group key (kind + post). Before a new one
 * is sent, the user's UNREAD notifications of the same group are folded
 * into it: their actors join the new one's and the old rows go, so the list
 * shows one line per group with the newest actor first. Once read, a group
 * starts again. The platform stores and lists rows as usual; it knows
 * nothing of groups. Answers the actor ids for the new notification.
 */
export async function foldNotificationGroup({ db, userId, group, actorId }: { db: Db; userId: string; group: string; actorId: string }): Promise<string[]> {
  const unread = await db.notification.findMany({
    where: { userId, readAt: null, payload: { path: ["group"], equals: group } },
    select: { id: true, payload: true },
    orderBy: { createdAt: "desc" },
  });
  const actors = [actorId];
  for (const row of unread) {
    const payload = row.payload as Record<string, unknown>;
    const ids = typeof payload.actorIds === "string" ? payload.actorIds.split(",") : [];
    for (const id of ids) if (id && !actors.includes(id)) actors.push(id);
  }
  if (unread.length > 0) await db.notification.deleteMany({ where: { id: { in: unread.map((row) => row.id) } } });
  return actors.slice(0, MAX_ACTORS);
}
