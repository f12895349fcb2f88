-- CreateEnum
CREATE TYPE "VideoReactionValue" AS ENUM ('like', 'dislike');

-- AlterTable
ALTER TABLE "video" ADD COLUMN     "commentCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "dislikeCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "likeCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "video_watch" (
    "userId" TEXT NOT NULL,
    "videoId" TEXT NOT NULL,
    "positionSeconds" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "watchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "video_watch_pkey" PRIMARY KEY ("userId","videoId")
);

-- CreateTable
CREATE TABLE "video_viewer_settings" (
    "userId" TEXT NOT NULL,
    "historyPaused" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "video_viewer_settings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "video_view_batch" (
    "id" TEXT NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "video_view_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "video_reaction" (
    "userId" TEXT NOT NULL,
    "videoId" TEXT NOT NULL,
    "value" "VideoReactionValue" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "video_reaction_pkey" PRIMARY KEY ("userId","videoId")
);

-- CreateTable
CREATE TABLE "video_subscription" (
    "subscriberId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "video_subscription_pkey" PRIMARY KEY ("subscriberId","channelId")
);

-- CreateTable
CREATE TABLE "video_comment" (
    "id" BIGSERIAL NOT NULL,
    "videoId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "parentId" BIGINT,
    "body" TEXT NOT NULL,
    "replyCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "video_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "video_comment_report" (
    "commentId" BIGINT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "video_comment_report_pkey" PRIMARY KEY ("commentId","reporterId")
);

-- CreateIndex
CREATE INDEX "video_watch_userId_watchedAt_idx" ON "video_watch"("userId", "watchedAt" DESC);

-- CreateIndex
CREATE INDEX "video_view_batch_appliedAt_idx" ON "video_view_batch"("appliedAt");

-- CreateIndex
CREATE INDEX "video_reaction_videoId_idx" ON "video_reaction"("videoId");

-- CreateIndex
CREATE INDEX "video_subscription_channelId_subscriberId_idx" ON "video_subscription"("channelId", "subscriberId");

-- CreateIndex
CREATE INDEX "video_comment_videoId_parentId_id_idx" ON "video_comment"("videoId", "parentId", "id" DESC);

-- CreateIndex
CREATE INDEX "video_comment_videoId_parentId_replyCount_id_idx" ON "video_comment"("videoId", "parentId", "replyCount" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "video_comment_parentId_id_idx" ON "video_comment"("parentId", "id");

-- AddForeignKey
ALTER TABLE "video_watch" ADD CONSTRAINT "video_watch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_watch" ADD CONSTRAINT "video_watch_videoId_fkey" FOREIGN KEY ("videoId") REFERENCES "video"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_viewer_settings" ADD CONSTRAINT "video_viewer_settings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_reaction" ADD CONSTRAINT "video_reaction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_reaction" ADD CONSTRAINT "video_reaction_videoId_fkey" FOREIGN KEY ("videoId") REFERENCES "video"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_subscription" ADD CONSTRAINT "video_subscription_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_subscription" ADD CONSTRAINT "video_subscription_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_comment" ADD CONSTRAINT "video_comment_videoId_fkey" FOREIGN KEY ("videoId") REFERENCES "video"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_comment" ADD CONSTRAINT "video_comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_comment" ADD CONSTRAINT "video_comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "video_comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_comment_report" ADD CONSTRAINT "video_comment_report_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "video_comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_comment_report" ADD CONSTRAINT "video_comment_report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Counts kept by triggers (hand-written, as Feed's): each runs in the transaction of the row that changes it,
-- so concurrent likes, switches between like and dislike, and comments can never make a count drift from its rows.
CREATE FUNCTION video_reaction_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "video" SET
      "likeCount" = "likeCount" - (OLD."value" = 'like')::integer,
      "dislikeCount" = "dislikeCount" - (OLD."value" = 'dislike')::integer
    WHERE "id" = OLD."videoId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "video" SET
      "likeCount" = "likeCount" + (NEW."value" = 'like')::integer,
      "dislikeCount" = "dislikeCount" + (NEW."value" = 'dislike')::integer
    WHERE "id" = NEW."videoId";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER video_reaction_counts AFTER INSERT OR DELETE OR UPDATE OF "value" ON "video_reaction" FOR EACH ROW EXECUTE FUNCTION video_reaction_counts();

-- A video's commentCount counts comments and replies; a comment's replyCount its replies.
CREATE FUNCTION video_comment_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed "video_comment" := CASE WHEN TG_OP = 'INSERT' THEN NEW ELSE OLD END;
  delta integer := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
BEGIN
  UPDATE "video" SET "commentCount" = "commentCount" + delta WHERE "id" = changed."videoId";
  IF changed."parentId" IS NOT NULL THEN
    UPDATE "video_comment" SET "replyCount" = "replyCount" + delta WHERE "id" = changed."parentId";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER video_comment_counts AFTER INSERT OR DELETE ON "video_comment" FOR EACH ROW EXECUTE FUNCTION video_comment_counts();

-- Search (title, description, tags): one immutable document function, used by the index and the query alike.
CREATE FUNCTION video_search_document(title text, description text, tags text[]) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A')
      || setweight(to_tsvector('english', array_to_string(tags, ' ')), 'B')
      || setweight(to_tsvector('english', coalesce(description, '')), 'C')
$$;
CREATE INDEX "video_search_idx" ON "video" USING GIN (video_search_document("title", "description", "tags"));
