import { z } from "zod";
import type { Redis } from "@/server/platform/redis";
import { writeBeat } from "./last-seen-store";

export const RecordHeartbeatInput = z.object({
  /** True when the tab is hidden or idle: shown as "away" rather than "online". */
  away: z.boolean().default(false),
});

/** The client's presence beat (every 30 s while open; once more with away on hide). */
export async function recordHeartbeat({ redis, userId, away, now = Date.now() }: { redis: Redis; userId: string; away: boolean; now?: number }) {
  await writeBeat(redis, userId, { at: now, away });
  return { at: new Date(now) };
}
