import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { toNotificationView, type NotificationView } from "@/server/platform/notification-view";

export const MAX_NOTIFICATIONS_PAGE = 50;

export type NotificationPage = { items: NotificationView[]; nextCursor: string | null };

/**
 * Newest first, a page at a time. The cursor is the (createdAt, id) of the
 * last item, so pages stay stable while new notifications arrive at the top
 * (an offset would shift and repeat items).
 */
export async function listNotifications({
  db,
  userId,
  cursor,
  limit = 20,
  unreadOnly = false,
}: {
  db: Db;
  userId: string;
  cursor?: string | null;
  limit?: number;
  unreadOnly?: boolean;
}): Promise<NotificationPage> {
  const take = Math.min(Math.max(1, Math.floor(limit)), MAX_NOTIFICATIONS_PAGE);
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db.notification.findMany({
    where: {
      userId,
      ...(unreadOnly ? { readAt: null } : {}),
      ...(after
        ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return {
    items: page.map(toNotificationView),
    nextCursor: rows.length > take && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) throw new AppError("BAD_REQUEST", "Invalid page cursor.");
  return { createdAt, id };
}
