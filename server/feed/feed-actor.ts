import { enqueue } from "@/server/platform/queue";

/** Who did something, as their notifications name them (the session user has these). */
export type FeedActor = { id: string; name: string; username: string | null };

/**
 * Feed notifications ("feed.like", "feed.reply", "feed.follow", "feed.mention")
 * go through the platform's queue and notify(); the payload names the actor,
 * so the bell renders without another lookup (components/notifications/notification-kinds.ts).
 */
export async function notifyFeed(userId: string, kind: `feed.${string}`, actor: FeedActor, payload: Record<string, string> = {}): Promise<void> {
  if (userId === actor.id) return;
  await enqueue("send-notification", { userId, kind, payload: { actorName: actor.name, actorUsername: actor.username ?? "", ...payload } });
}
