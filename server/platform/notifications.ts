import "server-only";
import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import {
  NOTIFICATION_EVENT,
  toNotificationView,
  type NotificationEvent,
  type NotificationView,
} from "@/server/platform/notification-view";
import type { Db } from "./db";
import { logger } from "./logger";
import { publishToUser } from "./realtime";

const log = logger.child({ module: "notifications" });

const KIND = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const MAX_PAYLOAD_BYTES = 16 * 1024;
/** Below the gateway's 10 KB message limit with room for the envelope. */
const MAX_PUSHED_PAYLOAD_BYTES = 6 * 1024;

/**
 * Stores a notification for `userId` and pushes it to their open tabs. The row
 * is the truth: if the push fails (gateway down) it is logged, not thrown, so a
 * queued job is not retried into duplicate rows; clients refetch on reconnect.
 * With an `id` (a queued job's), storing is idempotent: a job that runs again
 * because its worker died after the insert finds its row and only pushes again.
 */
export async function notify({
  db,
  id,
  userId,
  kind,
  payload,
}: {
  db: Db;
  id?: string;
  userId: string;
  kind: string;
  payload: Record<string, unknown>;
}): Promise<NotificationView> {
  if (!KIND.test(kind)) throw new AppError("BAD_REQUEST", `Invalid notification kind "${kind}".`);
  const json = JSON.stringify(payload);
  if (Buffer.byteLength(json) > MAX_PAYLOAD_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "Notification payload is too large.");

  // The JSON round trip drops undefined and functions, so what is stored is exactly what clients will read.
  const data = { userId, kind, payload: JSON.parse(json) as Prisma.InputJsonObject };
  const row = id ? await db.notification.upsert({ where: { id }, create: { id, ...data }, update: {} }) : await db.notification.create({ data });
  const notification = toNotificationView(row);
  const unreadCount = await db.notification.count({ where: { userId, readAt: null } });

  const truncated = Buffer.byteLength(json) > MAX_PUSHED_PAYLOAD_BYTES;
  const event: NotificationEvent = truncated
    ? { notification: { ...notification, payload: {} }, unreadCount, truncated: true }
    : { notification, unreadCount };
  try {
    await publishToUser(userId, NOTIFICATION_EVENT, event);
  } catch (error) {
    log.warn({ userId, notificationId: notification.id, err: error instanceof Error ? error.message : String(error) }, "could not push notification");
  }
  return notification;
}
