-- CreateIndex
CREATE INDEX "feed_post_createdAt_idx" ON "feed_post"("createdAt");
