-- CreateEnum
CREATE TYPE "PostReportReason" AS ENUM ('spam', 'harassment', 'hate', 'violence', 'misinformation', 'other');

-- CreateEnum
CREATE TYPE "PostReportStatus" AS ENUM ('open', 'removed', 'dismissed');

-- CreateTable
CREATE TABLE "feed_post_tag" (
    "postId" BIGINT NOT NULL,
    "tag" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feed_post_tag_pkey" PRIMARY KEY ("postId","tag")
);

-- CreateTable
CREATE TABLE "feed_block" (
    "blockerId" TEXT NOT NULL,
    "blockedId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feed_block_pkey" PRIMARY KEY ("blockerId","blockedId")
);

-- CreateTable
CREATE TABLE "feed_mute" (
    "muterId" TEXT NOT NULL,
    "mutedId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feed_mute_pkey" PRIMARY KEY ("muterId","mutedId")
);

-- CreateTable
CREATE TABLE "feed_report" (
    "id" TEXT NOT NULL,
    "postId" BIGINT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" "PostReportReason" NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "status" "PostReportStatus" NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,

    CONSTRAINT "feed_report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "feed_post_tag_tag_postId_idx" ON "feed_post_tag"("tag", "postId" DESC);

-- CreateIndex
CREATE INDEX "feed_post_tag_createdAt_idx" ON "feed_post_tag"("createdAt");

-- CreateIndex
CREATE INDEX "feed_block_blockedId_blockerId_idx" ON "feed_block"("blockedId", "blockerId");

-- CreateIndex
CREATE INDEX "feed_report_status_createdAt_idx" ON "feed_report"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "feed_report_postId_reporterId_key" ON "feed_report"("postId", "reporterId");

-- AddForeignKey
ALTER TABLE "feed_post_tag" ADD CONSTRAINT "feed_post_tag_postId_fkey" FOREIGN KEY ("postId") REFERENCES "feed_post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_block" ADD CONSTRAINT "feed_block_blockerId_fkey" FOREIGN KEY ("blockerId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_block" ADD CONSTRAINT "feed_block_blockedId_fkey" FOREIGN KEY ("blockedId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_mute" ADD CONSTRAINT "feed_mute_muterId_fkey" FOREIGN KEY ("muterId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_mute" ADD CONSTRAINT "feed_mute_mutedId_fkey" FOREIGN KEY ("mutedId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_report" ADD CONSTRAINT "feed_report_postId_fkey" FOREIGN KEY ("postId") REFERENCES "feed_post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_report" ADD CONSTRAINT "feed_report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand -----------------------------------------------------------

-- Post search (server/feed/explore/search-posts.ts repeats this expression and predicate word for word).
CREATE INDEX "feed_post_text_search_idx" ON "feed_post" USING GIN (to_tsvector('english', "text")) WHERE "deletedAt" IS NULL AND "repostOfId" IS NULL;

-- Tags of the posts written before this table: the same rule as post-text.ts, in Postgres's regex dialect.
INSERT INTO "feed_post_tag" ("postId", "tag", "authorId", "createdAt")
SELECT DISTINCT p."id", lower(m[2]), p."authorId", p."createdAt"
  FROM "feed_post" p
  CROSS JOIN LATERAL regexp_matches(p."text", '(^|[^[:alnum:]_&#/])#([[:alnum:]_]*[[:alpha:]][[:alnum:]_]*)', 'g') AS m
 WHERE p."deletedAt" IS NULL AND p."repostOfId" IS NULL
ON CONFLICT DO NOTHING;
