-- CreateTable
CREATE TABLE "feed_profile" (
    "userId" TEXT NOT NULL,
    "bio" TEXT NOT NULL DEFAULT '',
    "followerCount" INTEGER NOT NULL DEFAULT 0,
    "followingCount" INTEGER NOT NULL DEFAULT 0,
    "postCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feed_profile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "feed_post" (
    "id" BIGSERIAL NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "replyToId" BIGINT,
    "rootId" BIGINT,
    "quoteOfId" BIGINT,
    "repostOfId" BIGINT,
    "likeCount" INTEGER NOT NULL DEFAULT 0,
    "repostCount" INTEGER NOT NULL DEFAULT 0,
    "replyCount" INTEGER NOT NULL DEFAULT 0,
    "quoteCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "feed_post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feed_follow" (
    "followerId" TEXT NOT NULL,
    "followeeId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feed_follow_pkey" PRIMARY KEY ("followerId","followeeId")
);

-- CreateTable
CREATE TABLE "feed_like" (
    "userId" TEXT NOT NULL,
    "postId" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feed_like_pkey" PRIMARY KEY ("userId","postId")
);

-- CreateTable
CREATE TABLE "feed_bookmark" (
    "userId" TEXT NOT NULL,
    "postId" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feed_bookmark_pkey" PRIMARY KEY ("userId","postId")
);

-- CreateIndex
CREATE INDEX "feed_profile_followerCount_idx" ON "feed_profile"("followerCount" DESC);

-- CreateIndex
CREATE INDEX "feed_post_authorId_id_idx" ON "feed_post"("authorId", "id" DESC);

-- CreateIndex
CREATE INDEX "feed_post_replyToId_id_idx" ON "feed_post"("replyToId", "id");

-- CreateIndex
CREATE INDEX "feed_post_rootId_id_idx" ON "feed_post"("rootId", "id");

-- CreateIndex
CREATE INDEX "feed_post_repostOfId_idx" ON "feed_post"("repostOfId");

-- CreateIndex
CREATE UNIQUE INDEX "feed_post_authorId_repostOfId_key" ON "feed_post"("authorId", "repostOfId");

-- CreateIndex
CREATE INDEX "feed_follow_followeeId_followerId_idx" ON "feed_follow"("followeeId", "followerId");

-- CreateIndex
CREATE INDEX "feed_like_postId_idx" ON "feed_like"("postId");

-- AddForeignKey
ALTER TABLE "feed_profile" ADD CONSTRAINT "feed_profile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_post" ADD CONSTRAINT "feed_post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_post" ADD CONSTRAINT "feed_post_replyToId_fkey" FOREIGN KEY ("replyToId") REFERENCES "feed_post"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_post" ADD CONSTRAINT "feed_post_quoteOfId_fkey" FOREIGN KEY ("quoteOfId") REFERENCES "feed_post"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_post" ADD CONSTRAINT "feed_post_repostOfId_fkey" FOREIGN KEY ("repostOfId") REFERENCES "feed_post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_follow" ADD CONSTRAINT "feed_follow_followerId_fkey" FOREIGN KEY ("followerId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_follow" ADD CONSTRAINT "feed_follow_followeeId_fkey" FOREIGN KEY ("followeeId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_like" ADD CONSTRAINT "feed_like_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_like" ADD CONSTRAINT "feed_like_postId_fkey" FOREIGN KEY ("postId") REFERENCES "feed_post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_bookmark" ADD CONSTRAINT "feed_bookmark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_bookmark" ADD CONSTRAINT "feed_bookmark_postId_fkey" FOREIGN KEY ("postId") REFERENCES "feed_post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Counts kept by triggers (hand-written): each runs in the transaction of the row that changes it, so
-- concurrent likes, follows and the seed's bulk inserts can never make a count drift from its rows.
-- A profile row is created on first need (ON CONFLICT), so no code path has to make it beforehand.

-- Decrements only update (a user being deleted must not get a new profile row); increments create it.
CREATE FUNCTION feed_bump_profile(user_id text, followers integer, following integer, posts integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF followers < 0 OR following < 0 OR posts < 0 THEN
    UPDATE "feed_profile" SET
      "followerCount" = "followerCount" + followers,
      "followingCount" = "followingCount" + following,
      "postCount" = "postCount" + posts
    WHERE "userId" = user_id;
  ELSE
    INSERT INTO "feed_profile" ("userId", "followerCount", "followingCount", "postCount")
    VALUES (user_id, followers, following, posts)
    ON CONFLICT ("userId") DO UPDATE SET
      "followerCount" = "feed_profile"."followerCount" + followers,
      "followingCount" = "feed_profile"."followingCount" + following,
      "postCount" = "feed_profile"."postCount" + posts;
  END IF;
END $$;

CREATE FUNCTION feed_follow_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM feed_bump_profile(NEW."followeeId", 1, 0, 0);
    PERFORM feed_bump_profile(NEW."followerId", 0, 1, 0);
  ELSE
    PERFORM feed_bump_profile(OLD."followeeId", -1, 0, 0);
    PERFORM feed_bump_profile(OLD."followerId", 0, -1, 0);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER feed_follow_counts AFTER INSERT OR DELETE ON "feed_follow" FOR EACH ROW EXECUTE FUNCTION feed_follow_counts();

CREATE FUNCTION feed_like_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "feed_post" SET "likeCount" = "likeCount" + 1 WHERE "id" = NEW."postId";
  ELSE
    UPDATE "feed_post" SET "likeCount" = "likeCount" - 1 WHERE "id" = OLD."postId";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER feed_like_counts AFTER INSERT OR DELETE ON "feed_like" FOR EACH ROW EXECUTE FUNCTION feed_like_counts();

-- A post counts while it is live (deletedAt null): inserting a live post, or deleting or soft-deleting it,
-- moves its parent's reply/quote/repost count and its author's post count (reposts are not posts of theirs).
CREATE FUNCTION feed_post_apply(post "feed_post", delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF post."repostOfId" IS NOT NULL THEN
    UPDATE "feed_post" SET "repostCount" = "repostCount" + delta WHERE "id" = post."repostOfId";
    RETURN;
  END IF;
  IF post."replyToId" IS NOT NULL THEN
    UPDATE "feed_post" SET "replyCount" = "replyCount" + delta WHERE "id" = post."replyToId";
  END IF;
  IF post."quoteOfId" IS NOT NULL THEN
    UPDATE "feed_post" SET "quoteCount" = "quoteCount" + delta WHERE "id" = post."quoteOfId";
  END IF;
  PERFORM feed_bump_profile(post."authorId", 0, 0, delta);
END $$;

CREATE FUNCTION feed_post_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."deletedAt" IS NULL THEN PERFORM feed_post_apply(NEW, 1); END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD."deletedAt" IS NULL THEN PERFORM feed_post_apply(OLD, -1); END IF;
  ELSIF OLD."deletedAt" IS NULL AND NEW."deletedAt" IS NOT NULL THEN
    PERFORM feed_post_apply(OLD, -1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER feed_post_counts AFTER INSERT OR DELETE OR UPDATE OF "deletedAt" ON "feed_post" FOR EACH ROW EXECUTE FUNCTION feed_post_counts();
