import { z } from "zod";
import { storage } from "@/server/platform/storage";
import { adminProcedure, protectedProcedure, publicProcedure, router } from "@/server/trpc/init";
import { RemoveCaptionsInput, removeCaptions } from "./captions/remove-captions";
import { getChannel } from "./channels/get-channel";
import { listSubscribedChannels } from "./channels/list-subscribed-channels";
import { listSubscriptionVideos, SubscriptionVideosInput } from "./channels/list-subscription-videos";
import { AddCommentInput, addComment } from "./comments/add-comment";
import { deleteComment } from "./comments/delete-comment";
import { ListCommentsInput, listComments } from "./comments/list-comments";
import { listReportedComments } from "./comments/list-reported-comments";
import { ReportCommentInput, reportComment } from "./comments/report-comment";
import { ResolveCommentReportsInput, resolveCommentReports } from "./comments/resolve-comment-reports";
import { deleteVideo } from "./delete-video";
import { getVideoForEdit } from "./edit/get-video-for-edit";
import { UpdateVideoInput, updateVideoDetails } from "./edit/update-video-details";
import { getVideoOrThrow } from "./get-video-or-throw";
import { listMyVideos } from "./list-my-videos";
import { setHistoryPaused } from "./history/history-settings";
import { listContinueWatching } from "./history/list-continue-watching";
import { WatchHistoryInput, listWatchHistory } from "./history/list-watch-history";
import { removeFromHistory } from "./history/remove-from-history";
import { SaveWatchPositionInput, saveWatchPosition } from "./history/save-watch-position";
import { ListVideosInput, listVideos } from "./list-videos";
import { listRecommendedVideos } from "./recommendations/list-recommended-videos";
import { listUpNext } from "./recommendations/list-up-next";
import { SearchVideosInput, searchVideos } from "./search/search-videos";
import { getViewerState } from "./social/get-viewer-state";
import { SetReactionInput, setReaction } from "./social/set-reaction";
import { SetSubscriptionInput, setSubscription } from "./social/set-subscription";
import { listTrendingVideos } from "./trending/list-trending-videos";
import { recordView } from "./views/record-view";
import { viewerKeys } from "./views/viewer-key";

/**
 * The Video API for the browser (tRPC, superjson). Uploads are not here: they
 * go through tus at /api/videos/uploads (upload-route.ts), and files through
 * /api/videos/<id>/hls/... (serve-video-file.ts).
 *
 * videos.list    query     { cursor?, limit?, channelId? } → { items: VideoView[], nextCursor }   public, ready videos, newest first
 * videos.get     query     { id } → VideoView & { isOwner }   NOT_FOUND unless ready and watchable (its owner sees any status)
 * videos.mine    query     → VideoView[]   the caller's videos, every status
 * videos.delete  mutation  { id } → { deleted: true }   files and all; NOT_FOUND unless the caller's
 * videos.edit    query     { id } → VideoView & { thumbnail, thumbnails }   the owner's only (edit/)
 * videos.update  mutation  { id, title, description, tags, visibility, thumbnail? } → VideoView   the owner's only
 * A picture of the owner's own as the thumbnail: POST /api/videos/<id>/thumbnail (edit/upload-thumbnail.ts).
 * Captions: POST /api/videos/<id>/captions/<language> (captions/upload-captions.ts); videos.captions.remove.
 * Leaving mid-play: POST /api/videos/<id>/position, a beacon (history/save-position-route.ts).
 * videos.moderation.queue / .resolve: reported comments, for administrators (comments/).
 *
 *
 * The social layer (slices of issue 14): views (once per viewer per 6 h), the
 * watch history with resume positions, likes and dislikes, subscriptions and
 * channels, comments with one level of replies, "up next" and "recommended
 * for you" (recommendations/). Each procedure's file says
 * what it does; acting ones are rate-limited per user (RATE_LIMIT_VIDEO_*).
 *
 * VideoView (video-view.ts). Live transcoding news: `private-video-<id>` (video-channels.ts), owner only.
 */
const VideoIdInput = z.object({ id: z.string().min(1).max(64) });
const CommentIdInput = z.object({ commentId: z.string().regex(/^\d{1,19}$/) });

const historyRouter = router({
  list: protectedProcedure.input(WatchHistoryInput).query(({ ctx, input }) => listWatchHistory({ db: ctx.db, userId: ctx.user.id, input })),
  continueWatching: protectedProcedure.query(({ ctx }) => listContinueWatching({ db: ctx.db, userId: ctx.user.id })),
  savePosition: protectedProcedure.input(SaveWatchPositionInput).mutation(({ ctx, input }) => saveWatchPosition({ db: ctx.db, userId: ctx.user.id, input })),
  remove: protectedProcedure.input(z.object({ videoId: z.string().min(1).max(64) })).mutation(({ ctx, input }) => removeFromHistory({ db: ctx.db, userId: ctx.user.id, videoId: input.videoId })),
  clear: protectedProcedure.mutation(({ ctx }) => removeFromHistory({ db: ctx.db, userId: ctx.user.id, videoId: null })),
  setPaused: protectedProcedure.input(z.object({ paused: z.boolean() })).mutation(({ ctx, input }) => setHistoryPaused({ db: ctx.db, userId: ctx.user.id, paused: input.paused })),
});

const commentsRouter = router({
  list: publicProcedure.input(ListCommentsInput).query(({ ctx, input }) => listComments({ db: ctx.db, viewerId: ctx.user?.id ?? null, input })),
  add: protectedProcedure.input(AddCommentInput).mutation(({ ctx, input }) => addComment({ db: ctx.db, author: { id: ctx.user.id, name: ctx.user.name }, input })),
  delete: protectedProcedure.input(CommentIdInput).mutation(({ ctx, input }) => deleteComment({ db: ctx.db, userId: ctx.user.id, commentId: BigInt(input.commentId) })),
  report: protectedProcedure.input(ReportCommentInput).mutation(({ ctx, input }) => reportComment({ db: ctx.db, userId: ctx.user.id, input })),
});

/** Administrators only (/videos/admin/reports): reported comments and the decision on each. */
const moderationRouter = router({
  queue: adminProcedure.query(({ ctx }) => listReportedComments({ db: ctx.db })),
  resolve: adminProcedure.input(ResolveCommentReportsInput).mutation(({ ctx, input }) => resolveCommentReports({ db: ctx.db, input })),
});

const captionsRouter = router({
  remove: protectedProcedure.input(RemoveCaptionsInput).mutation(({ ctx, input }) => removeCaptions({ db: ctx.db, storage, ownerId: ctx.user.id, input })),
});

export const videosRouter = router({
  list: publicProcedure.input(ListVideosInput).query(({ ctx, input }) => listVideos({ db: ctx.db, input })),
  get: publicProcedure.input(VideoIdInput).query(({ ctx, input }) => getVideoOrThrow({ db: ctx.db, videoId: input.id, viewerId: ctx.user?.id ?? null })),
  mine: protectedProcedure.query(({ ctx }) => listMyVideos({ db: ctx.db, ownerId: ctx.user.id })),
  delete: protectedProcedure.input(VideoIdInput).mutation(async ({ ctx, input }) => {
    await deleteVideo({ db: ctx.db, storage, ownerId: ctx.user.id, videoId: input.id });
    return { deleted: true as const };
  }),
  edit: protectedProcedure.input(VideoIdInput).query(({ ctx, input }) => getVideoForEdit({ db: ctx.db, ownerId: ctx.user.id, videoId: input.id })),
  update: protectedProcedure.input(UpdateVideoInput).mutation(({ ctx, input }) => updateVideoDetails({ db: ctx.db, ownerId: ctx.user.id, input })),
  viewerState: publicProcedure.input(VideoIdInput).query(({ ctx, input }) => getViewerState({ db: ctx.db, videoId: input.id, viewerId: ctx.user?.id ?? null })),
  recordView: publicProcedure.input(VideoIdInput).mutation(({ ctx, input }) => {
    const viewerId = ctx.user?.id ?? null;
    const viewer = viewerKeys({ userId: viewerId, headers: ctx.headers, resHeaders: ctx.resHeaders });
    return recordView({ db: ctx.db, redis: ctx.redis, videoId: input.id, viewer, viewerId });
  }),
  react: protectedProcedure.input(SetReactionInput).mutation(({ ctx, input }) => setReaction({ db: ctx.db, userId: ctx.user.id, input })),
  subscribe: protectedProcedure.input(SetSubscriptionInput).mutation(({ ctx, input }) => setSubscription({ db: ctx.db, userId: ctx.user.id, input })),
  channel: publicProcedure.input(z.object({ username: z.string().min(1).max(64) })).query(({ ctx, input }) => getChannel({ db: ctx.db, username: input.username, viewerId: ctx.user?.id ?? null })),
  subscriptionVideos: protectedProcedure.input(SubscriptionVideosInput).query(({ ctx, input }) => listSubscriptionVideos({ db: ctx.db, userId: ctx.user.id, input })),
  subscribedChannels: protectedProcedure.query(({ ctx }) => listSubscribedChannels({ db: ctx.db, userId: ctx.user.id })),
  trending: publicProcedure.query(({ ctx }) => listTrendingVideos({ db: ctx.db, redis: ctx.redis })),
  upNext: publicProcedure.input(VideoIdInput).query(({ ctx, input }) => listUpNext({ db: ctx.db, redis: ctx.redis, videoId: input.id, viewerId: ctx.user?.id ?? null })),
  recommended: protectedProcedure.query(({ ctx }) => listRecommendedVideos({ db: ctx.db, redis: ctx.redis, userId: ctx.user.id })),
  search: publicProcedure.input(SearchVideosInput).query(({ ctx, input }) => searchVideos({ db: ctx.db, input })),
  history: historyRouter,
  comments: commentsRouter,
  captions: captionsRouter,
  moderation: moderationRouter,
});
