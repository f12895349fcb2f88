import { z } from "zod";
import { storage } from "@/server/platform/storage";
import { protectedProcedure, publicProcedure, router } from "@/server/trpc/init";
import { deleteVideo } from "./delete-video";
import { getVideoOrThrow } from "./get-video-or-throw";
import { listMyVideos } from "./list-my-videos";
import { ListVideosInput, listVideos } from "./list-videos";

/**
 * The Video API for the browser (tRPC, superjson). Uploads are not here: they
 * go through tus at /api/videos/uploads (upload-route.ts), and files through
 * /api/videos/<id>/hls/... (serve-video-file.ts).
 *
 * videos.list    query     { cursor?, limit? } → { items: VideoView[], nextCursor }   public, ready videos, newest first
 * videos.get     query     { id } → VideoView & { isOwner }   NOT_FOUND unless ready and watchable (its owner sees any status)
 * videos.mine    query     → VideoView[]   the caller's videos, every status
 * videos.delete  mutation  { id } → { deleted: true }   files and all; NOT_FOUND unless the caller's
 *
 * VideoView (video-view.ts). Live transcoding news: `private-video-<id>` (video-channels.ts), owner only.
 */
const VideoIdInput = z.object({ id: z.string().min(1).max(64) });

export const videosRouter = router({
  list: publicProcedure.input(ListVideosInput).query(({ ctx, input }) => listVideos({ db: ctx.db, input })),
  get: publicProcedure.input(VideoIdInput).query(({ ctx, input }) => getVideoOrThrow({ db: ctx.db, videoId: input.id, viewerId: ctx.user?.id ?? null })),
  mine: protectedProcedure.query(({ ctx }) => listMyVideos({ db: ctx.db, ownerId: ctx.user.id })),
  delete: protectedProcedure.input(VideoIdInput).mutation(async ({ ctx, input }) => {
    await deleteVideo({ db: ctx.db, storage, ownerId: ctx.user.id, videoId: input.id });
    return { deleted: true as const };
  }),
});
