import type { AccountEraser } from "@/server/accounts/account-eraser";
import { deleteVideo } from "./delete-video";

/** A deleted account's videos go as "delete video" takes them: rows, every stored file and unfinished uploads. */
export const eraseAccountVideos: AccountEraser = {
  system: "videos",
  erase: async ({ db, storage, userId }) => {
    const videos = await db.video.findMany({ where: { ownerId: userId }, select: { id: true } });
    for (const { id } of videos) await deleteVideo({ db, storage, ownerId: userId, videoId: id });
  },
};
