import { storage } from "@/server/platform/storage";
import { z } from "zod";
import { adminProcedure, protectedProcedure, publicProcedure, router } from "@/server/trpc/init";
import { repostPost } from "./engagement/repost-post";
import { setBookmark } from "./engagement/set-bookmark";
import { setLike } from "./engagement/set-like";
import { undoRepost } from "./engagement/undo-repost";
import { listTrendingTags } from "./explore/list-trending-tags";
import { SearchPeopleInput, searchPeople } from "./explore/search-people";
import { SearchPostsInput, searchPosts } from "./explore/search-posts";
import { suggestPeople } from "./explore/suggest-people";
import { followUser } from "./graph/follow-user";
import { getFeedProfile } from "./graph/get-feed-profile";
import { FollowsInput, listFollows } from "./graph/list-follows";
import { unfollowUser } from "./graph/unfollow-user";
import { UpdateBioInput, updateBio } from "./graph/update-bio";
import { ActivityCursor, listActivityPosts } from "./posts/list-activity-posts";
import { CreatePostInput, createPost } from "./posts/create-post";
import { deletePost } from "./posts/delete-post";
import { getThread } from "./posts/get-thread";
import { AuthorPostsInput, listAuthorPosts } from "./posts/list-author-posts";
import { PostIdInput } from "./posts/post-id";
import { TaggedPostsInput, listTaggedPosts } from "./posts/list-tagged-posts";
import { listReportedPosts } from "./safety/list-reported-posts";
import { ReportPostInput, reportPost } from "./safety/report-post";
import { ResolveReportsInput, resolveReports } from "./safety/resolve-reports";
import { setBlock } from "./safety/set-block";
import { setMute } from "./safety/set-mute";
import { ForYouInput, getForYou } from "./timeline/get-for-you";
import { HomeTimelineInput, getHomeTimeline } from "./timeline/get-home-timeline";

/**
 * The Feed API (pages under /feed). Post ids travel as decimal strings (they
 * are Postgres bigints and the timeline cursor). Reading threads, profiles and
 * a profile's posts needs no account (posts are public); everything else acts
 * as the signed-in user, on their own timeline, likes, reposts, bookmarks and
 * follows. Posts, follows and likes are rate-limited per user (RATE_LIMIT_FEED_*).
 * Blocks and mutes are the signed-in user's own; the report queue is for admins.
 */
const actorOf = (user: { id: string; name: string; username: string | null }) => ({ id: user.id, name: user.name, username: user.username });
const UserIdInput = z.object({ userId: z.string().min(1).max(64) });
const ActivityPageInput = z.object({ cursor: ActivityCursor.nullish(), limit: z.number().int().min(1).max(50).default(20) });

const timelineRouter = router({
  home: protectedProcedure.input(HomeTimelineInput).query(({ ctx, input }) => getHomeTimeline({ db: ctx.db, redis: ctx.redis, viewerId: ctx.user.id, input })),
  forYou: protectedProcedure.input(ForYouInput).query(({ ctx, input }) => getForYou({ db: ctx.db, redis: ctx.redis, viewerId: ctx.user.id, input })),
});

const postsRouter = router({
  create: protectedProcedure.input(CreatePostInput).mutation(({ ctx, input }) => createPost({ db: ctx.db, redis: ctx.redis, actor: actorOf(ctx.user), input })),
  delete: protectedProcedure
    .input(PostIdInput)
    .mutation(({ ctx, input }) => deletePost({ db: ctx.db, redis: ctx.redis, storage, userId: ctx.user.id, postId: BigInt(input.postId) })),
  thread: publicProcedure.input(PostIdInput).query(({ ctx, input }) => getThread({ db: ctx.db, viewerId: ctx.user?.id ?? null, postId: BigInt(input.postId) })),
  byAuthor: publicProcedure.input(AuthorPostsInput).query(({ ctx, input }) => listAuthorPosts({ db: ctx.db, viewerId: ctx.user?.id ?? null, input })),
  /** The caller's own bookmarks only: they are private. */
  bookmarks: protectedProcedure
    .input(ActivityPageInput)
    .query(({ ctx, input }) => listActivityPosts({ db: ctx.db, viewerId: ctx.user.id, userId: ctx.user.id, source: "bookmark", ...input })),
  likedBy: publicProcedure
    .input(ActivityPageInput.extend(UserIdInput.shape))
    .query(({ ctx, input }) => listActivityPosts({ db: ctx.db, viewerId: ctx.user?.id ?? null, userId: input.userId, source: "like", cursor: input.cursor, limit: input.limit })),
  byTag: publicProcedure.input(TaggedPostsInput).query(({ ctx, input }) => listTaggedPosts({ db: ctx.db, viewerId: ctx.user?.id ?? null, input })),
});

const engagementRouter = router({
  like: protectedProcedure
    .input(PostIdInput.extend({ liked: z.boolean() }))
    .mutation(({ ctx, input }) => setLike({ db: ctx.db, actor: actorOf(ctx.user), postId: BigInt(input.postId), liked: input.liked })),
  repost: protectedProcedure.input(PostIdInput.extend({ reposted: z.boolean() })).mutation(({ ctx, input }) => {
    const postId = BigInt(input.postId);
    return input.reposted
      ? repostPost({ db: ctx.db, redis: ctx.redis, actor: actorOf(ctx.user), postId })
      : undoRepost({ db: ctx.db, redis: ctx.redis, userId: ctx.user.id, postId });
  }),
  bookmark: protectedProcedure
    .input(PostIdInput.extend({ bookmarked: z.boolean() }))
    .mutation(({ ctx, input }) => setBookmark({ db: ctx.db, userId: ctx.user.id, postId: BigInt(input.postId), bookmarked: input.bookmarked })),
});

const peopleRouter = router({
  profile: publicProcedure
    .input(z.object({ username: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => getFeedProfile({ db: ctx.db, viewerId: ctx.user?.id ?? null, username: input.username })),
  follows: publicProcedure.input(FollowsInput).query(({ ctx, input }) => listFollows({ db: ctx.db, viewerId: ctx.user?.id ?? null, input })),
  updateBio: protectedProcedure.input(UpdateBioInput).mutation(({ ctx, input }) => updateBio({ db: ctx.db, userId: ctx.user.id, input })),
  follow: protectedProcedure.input(UserIdInput).mutation(({ ctx, input }) => followUser({ db: ctx.db, redis: ctx.redis, actor: actorOf(ctx.user), userId: input.userId })),
  unfollow: protectedProcedure
    .input(UserIdInput)
    .mutation(({ ctx, input }) => unfollowUser({ db: ctx.db, redis: ctx.redis, userId: ctx.user.id, followeeId: input.userId })),
});

const safetyRouter = router({
  block: protectedProcedure
    .input(UserIdInput.extend({ blocked: z.boolean() }))
    .mutation(({ ctx, input }) => setBlock({ db: ctx.db, redis: ctx.redis, userId: ctx.user.id, targetId: input.userId, blocked: input.blocked })),
  mute: protectedProcedure
    .input(UserIdInput.extend({ muted: z.boolean() }))
    .mutation(({ ctx, input }) => setMute({ db: ctx.db, userId: ctx.user.id, targetId: input.userId, muted: input.muted })),
  report: protectedProcedure.input(ReportPostInput).mutation(({ ctx, input }) => reportPost({ db: ctx.db, userId: ctx.user.id, input })),
});

const exploreRouter = router({
  posts: publicProcedure.input(SearchPostsInput).query(({ ctx, input }) => searchPosts({ db: ctx.db, viewerId: ctx.user?.id ?? null, input })),
  people: publicProcedure.input(SearchPeopleInput).query(({ ctx, input }) => searchPeople({ db: ctx.db, viewerId: ctx.user?.id ?? null, input })),
  trending: publicProcedure.query(({ ctx }) => listTrendingTags({ db: ctx.db })),
  suggestions: publicProcedure.query(({ ctx }) => suggestPeople({ db: ctx.db, viewerId: ctx.user?.id ?? null })),
});

const moderationRouter = router({
  queue: adminProcedure.query(({ ctx }) => listReportedPosts({ db: ctx.db, adminId: ctx.user.id })),
  resolve: adminProcedure.input(ResolveReportsInput).mutation(({ ctx, input }) => resolveReports({ db: ctx.db, redis: ctx.redis, storage, adminId: ctx.user.id, input })),
});

export const feedRouter = router({
  timeline: timelineRouter,
  posts: postsRouter,
  engagement: engagementRouter,
  people: peopleRouter,
  safety: safetyRouter,
  explore: exploreRouter,
  moderation: moderationRouter,
});
