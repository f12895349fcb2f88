-- CreateTable
CREATE TABLE "video_caption" (
    "videoId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "video_caption_pkey" PRIMARY KEY ("videoId","language")
);

-- AddForeignKey
ALTER TABLE "video_caption" ADD CONSTRAINT "video_caption_videoId_fkey" FOREIGN KEY ("videoId") REFERENCES "video"("id") ON DELETE CASCADE ON UPDATE CASCADE;
