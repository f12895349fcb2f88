-- CreateIndex
CREATE INDEX "video_watch_videoId_watchedAt_idx" ON "video_watch"("videoId", "watchedAt" DESC);
