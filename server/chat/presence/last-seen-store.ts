import type { Redis } from "@/server/platform/redis";

/**
 * "Last seen" lives in Redis only: one small key per user, refreshed by the
 * client's heartbeat (chat.heartbeat, every 30 s while a tab is open) and kept
 * 30 days. Losing it costs nothing but "last seen" labels until the next beat.
 */
export const HEARTBEAT_INTERVAL_SECONDS = 30;
/** A user whose last beat is older than this is offline (two missed beats plus slack). */
export const ONLINE_WINDOW_SECONDS = 75;
const RETENTION_SECONDS = 30 * 24 * 3600;

export type StoredBeat = { at: number; away: boolean };

export function lastSeenKey(userId: string): string {
  return `casebook:chat:seen:${userId}`;
}

export async function writeBeat(redis: Redis, userId: string, beat: StoredBeat): Promise<void> {
  await redis.set(lastSeenKey(userId), JSON.stringify(beat), "EX", RETENTION_SECONDS);
}

export async function readBeats(redis: Redis, userIds: string[]): Promise<Map<string, StoredBeat>> {
  const beats = new Map<string, StoredBeat>();
  if (userIds.length === 0) return beats;
  const values = await redis.mget(userIds.map(lastSeenKey));
  values.forEach((value, index) => {
    const userId = userIds[index];
    if (!value || !userId) return;
    try {
      const parsed = JSON.parse(value) as Partial<StoredBeat>;
      if (typeof parsed.at === "number") beats.set(userId, { at: parsed.at, away: parsed.away === true });
    } catch {
      // A value we did not write: treat the user as never seen.
      beats.delete(userId);
    }
  });
  return beats;
}
