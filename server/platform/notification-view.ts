import type { Notification } from "@/server/generated/prisma/client";

/**
 * A notification as clients see it, the same over tRPC and realtime: dates
 * are ISO strings so a pushed notification and a fetched one are one shape.
 */
export type NotificationView = {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  readAt: string | null;
  createdAt: string;
};

/** The realtime event pushed on the user's private channel when a notification is created. */
export const NOTIFICATION_EVENT = "notification";
export type NotificationEvent = {
  notification: NotificationView;
  unreadCount: number;
  /** The payload was too large for a realtime message and was left out: fetch the list. */
  truncated?: boolean;
};

/** Pushed when notifications are marked read, so every open tab updates its badge. */
export const NOTIFICATIONS_READ_EVENT = "notifications-read";
export type NotificationsReadEvent = { ids: string[] | "all"; unreadCount: number };

export function toNotificationView(row: Pick<Notification, "id" | "kind" | "payload" | "readAt" | "createdAt">): NotificationView {
  const payload = row.payload !== null && typeof row.payload === "object" && !Array.isArray(row.payload) ? (row.payload as Record<string, unknown>) : {};
  return {
    id: row.id,
    kind: row.kind,
    payload,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
