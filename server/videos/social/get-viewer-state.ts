import type { Db } from "@/server/platform/db";
import { assertMayWatch, findWatchAccess } from "../get-watchable-video";
import { countSubscribers } from "./set-subscription";

/**
 * What the watch page shows about me and a video: where I stopped (the player
 * resumes there), my like or dislike, whether I subscribe to its channel, and
 * the channel's subscriber count. Signed out: only the count.
 */
export async function getViewerState({ db, videoId, viewerId }: { db: Db; videoId: string; viewerId: string | null }) {
  const video = await assertMayWatch(await findWatchAccess(db, videoId), async () => viewerId);
  const [watch, reaction, subscription, subscriberCount] = await Promise.all([
    viewerId ? db.videoWatch.findUnique({ where: { userId_videoId: { userId: viewerId, videoId } }, select: { positionSeconds: true } }) : null,
    viewerId ? db.videoReaction.findUnique({ where: { userId_videoId: { userId: viewerId, videoId } }, select: { value: true } }) : null,
    viewerId ? db.videoSubscription.findUnique({ where: { subscriberId_channelId: { subscriberId: viewerId, channelId: video.ownerId } }, select: { channelId: true } }) : null,
    countSubscribers(db, video.ownerId),
  ]);
  return { positionSeconds: watch?.positionSeconds ?? null, reaction: reaction?.value ?? null, subscribed: subscription !== null, subscriberCount };
}
