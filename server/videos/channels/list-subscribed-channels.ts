import type { Db } from "@/server/platform/db";

/** Channels listed on /videos/subscriptions; following more is rare, and their videos are all in the feed below it anyway. */
export const SUBSCRIBED_CHANNELS_SHOWN = 200;

/** The channels I subscribe to, the latest subscription first, with each one's count of public videos. */
export async function listSubscribedChannels({ db, userId }: { db: Db; userId: string }) {
  const rows = await db.videoSubscription.findMany({
    where: { subscriberId: userId },
    orderBy: [{ createdAt: "desc" }, { channelId: "asc" }],
    take: SUBSCRIBED_CHANNELS_SHOWN,
    select: {
      channel: {
        select: { id: true, name: true, username: true, image: true, _count: { select: { videos: { where: { status: "ready", visibility: "public" } } } } },
      },
    },
  });
  return rows.map(({ channel }) => ({ id: channel.id, name: channel.name, username: channel.username, image: channel.image, videoCount: channel._count.videos }));
}
