import type { Db } from "@/server/platform/db";
import { toVideoView, VIDEO_VIEW_SELECT } from "../video-view";

const ROW_SIZE = 12;

/** The home page's "From your subscriptions": the newest public, ready videos of the channels I subscribe to. */
export async function listSubscriptionVideos({ db, userId }: { db: Db; userId: string }) {
  const rows = await db.video.findMany({
    where: { status: "ready", visibility: "public", owner: { videoSubscribers: { some: { subscriberId: userId } } } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: ROW_SIZE,
    select: VIDEO_VIEW_SELECT,
  });
  return rows.map(toVideoView);
}
