import { z } from "zod";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { ONLINE_WINDOW_SECONDS, readBeats } from "./last-seen-store";

export const GetLastSeenInput = z.object({ userIds: z.array(z.string().min(1).max(64)).min(1).max(200) });

export type PresenceStatus = "online" | "away" | "offline";
export type LastSeen = { userId: string; status: PresenceStatus; lastSeenAt: Date | null };

/**
 * Online / away / offline and "last seen" for people who share a conversation
 * with the caller (others come back offline with no time: last seen is not
 * public). Live changes within an open conversation come from its presence
 * channel; this is for the sidebar and for people not on the channel.
 */
export async function getLastSeen({ db, redis, userId, userIds, now = Date.now() }: { db: Db; redis: Redis; userId: string; userIds: string[]; now?: number }): Promise<LastSeen[]> {
  const wanted = [...new Set(userIds)];
  const shared = await db.conversationMember.findMany({
    where: { userId: { in: wanted }, leftAt: null, conversation: { members: { some: { userId, leftAt: null } } } },
    select: { userId: true },
    distinct: ["userId"],
  });
  const visible = new Set(shared.map((row) => row.userId));
  visible.add(userId);
  const beats = await readBeats(redis, wanted.filter((id) => visible.has(id)));
  return wanted.map((id) => {
    const beat = beats.get(id);
    if (!beat) return { userId: id, status: "offline", lastSeenAt: null };
    const fresh = now - beat.at <= ONLINE_WINDOW_SECONDS * 1000;
    return { userId: id, status: fresh ? (beat.away ? "away" : "online") : "offline", lastSeenAt: new Date(beat.at) };
  });
}
