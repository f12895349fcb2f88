-- CreateTable
CREATE TABLE "feed_post_image" (
    "id" UUID NOT NULL,
    "uploaderId" TEXT NOT NULL,
    "postId" BIGINT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "key" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "alt" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feed_post_image_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "feed_post_image_key_key" ON "feed_post_image"("key");

-- CreateIndex
CREATE INDEX "feed_post_image_postId_position_idx" ON "feed_post_image"("postId", "position");

-- CreateIndex
CREATE INDEX "feed_post_image_uploaderId_createdAt_idx" ON "feed_post_image"("uploaderId", "createdAt");

-- AddForeignKey
ALTER TABLE "feed_post_image" ADD CONSTRAINT "feed_post_image_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_post_image" ADD CONSTRAINT "feed_post_image_postId_fkey" FOREIGN KEY ("postId") REFERENCES "feed_post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
