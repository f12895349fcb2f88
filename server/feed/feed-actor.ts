import type { Db } from "@/server/platform/db";
import { enqueue } from "@/server/platform/queue";
import { foldNotificationGroup } from "./notifications/fold-notification-group";
import { isHiddenFor } from "./safety/block-state";

/** Who did something, as their notifications name them (the session user has these). */
export type FeedActor = { id: string; name: string; username: string | null };

/** Kinds that pile up on one thing and are shown grouped (fold-notification-group.ts). */
const GROUPED_KINDS = new Set(["feed.like", "feed.repost", "feed.follow"]);

/**
 * Feed notifications ("feed.like", "feed.reply", "feed.follow", "feed.mention")
 * go through the platform's queue and notify(); the payload names the actor,
 * so the bell renders without another lookup (components/notifications/notification-kinds.ts),
 * and carries their id, so a block can take back what they caused. Likes,
 * reposts and follows fold the unread ones of their group into one ("and N
 * others"). Nobody is told about their own actions, nor about those of
 * someone they blocked or muted.
 */
export async function notifyFeed(db: Db, userId: string, kind: `feed.${string}`, actor: FeedActor, payload: Record<string, string> = {}): Promise<void> {
  if (userId === actor.id || (await isHiddenFor(db, userId, actor.id))) return;
  const group = GROUPED_KINDS.has(kind) ? `${kind}:${payload.postId ?? ""}` : null;
  const actorIds = group ? await foldNotificationGroup({ db, userId, group, actorId: actor.id }) : [actor.id];
  await enqueue("send-notification", {
    userId,
    kind,
    payload: {
      actorId: actor.id,
      actorName: actor.name,
      actorUsername: actor.username ?? "",
      ...payload,
      ...(group ? { group, actorIds: actorIds.join(","), others: String(actorIds.length - 1) } : {}),
    },
  });
}
