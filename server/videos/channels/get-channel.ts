import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { countSubscribers } from "../social/set-subscription";

/** A channel page's header: the person, their subscriber count, their public videos' count, and whether I subscribe. */
export async function getChannel({ db, username, viewerId }: { db: Db; username: string; viewerId: string | null }) {
  // People without a username are addressed by their id (as on Feed).
  const user = await db.user.findFirst({ where: { OR: [{ username: username.toLowerCase() }, { id: username }] }, select: { id: true, name: true, username: true, image: true } });
  if (!user) throw new AppError("NOT_FOUND", "This channel does not exist.");
  const [subscriberCount, videoCount, subscription] = await Promise.all([
    countSubscribers(db, user.id),
    db.video.count({ where: { ownerId: user.id, status: "ready", visibility: "public" } }),
    viewerId ? db.videoSubscription.findUnique({ where: { subscriberId_channelId: { subscriberId: viewerId, channelId: user.id } }, select: { channelId: true } }) : null,
  ]);
  return { ...user, subscriberCount, videoCount, subscribed: subscription !== null, isMe: viewerId === user.id };
}
