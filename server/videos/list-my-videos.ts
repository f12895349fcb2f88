import type { Db } from "@/server/platform/db";
import { toVideoView, VIDEO_VIEW_SELECT } from "./video-view";

/** "My videos": every video of the owner, whatever its status, newest first (a channel has a few hundred at most). */
export async function listMyVideos({ db, ownerId }: { db: Db; ownerId: string }) {
  const rows = await db.video.findMany({ where: { ownerId }, orderBy: { createdAt: "desc" }, take: 500, select: VIDEO_VIEW_SELECT });
  return rows.map(toVideoView);
}
