import type { Db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { publishToUser } from "@/server/platform/realtime";
import { NOTIFICATIONS_READ_EVENT, type NotificationsReadEvent } from "@/server/platform/notification-view";

const log = logger.child({ module: "notifications" });

export type MarkReadTarget = { ids: string[] } | { all: true };

/**
 * Marks some or all of the user's unread notifications read. Ids that are not
 * the user's, or already read, are skipped silently; the answer says how many
 * changed and what is left, and every open tab of the user is told the same.
 */
export async function markNotificationsRead({
  db,
  userId,
  target,
}: {
  db: Db;
  userId: string;
  target: MarkReadTarget;
}): Promise<{ marked: number; unreadCount: number }> {
  const { count: marked } = await db.notification.updateMany({
    where: { userId, readAt: null, ...("ids" in target ? { id: { in: target.ids } } : {}) },
    data: { readAt: new Date() },
  });
  const unreadCount = await db.notification.count({ where: { userId, readAt: null } });

  if (marked > 0) {
    const event: NotificationsReadEvent = { ids: "ids" in target ? target.ids : "all", unreadCount };
    try {
      await publishToUser(userId, NOTIFICATIONS_READ_EVENT, event);
    } catch (error) {
      log.warn({ userId, err: error instanceof Error ? error.message : String(error) }, "could not push read receipt");
    }
  }
  return { marked, unreadCount };
}
