import type { Db } from "@/server/platform/db";
import { userChannel } from "@/server/platform/realtime";

/**
 * What a notification badge needs: how many are unread, and the channel on
 * which new ones and read receipts arrive (the user's private channel).
 */
export async function countUnreadNotifications({ db, userId }: { db: Db; userId: string }): Promise<{ unreadCount: number; channel: string }> {
  const unreadCount = await db.notification.count({ where: { userId, readAt: null } });
  return { unreadCount, channel: userChannel(userId) };
}
