-- CreateEnum
CREATE TYPE "VideoStatus" AS ENUM ('uploading', 'processing', 'ready', 'failed');

-- CreateEnum
CREATE TYPE "VideoVisibility" AS ENUM ('public', 'unlisted', 'private');

-- CreateTable
CREATE TABLE "video" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "visibility" "VideoVisibility" NOT NULL DEFAULT 'public',
    "status" "VideoStatus" NOT NULL DEFAULT 'uploading',
    "failureReason" TEXT,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "sourceName" TEXT NOT NULL,
    "sourceType" TEXT NOT NULL,
    "sourceBytes" BIGINT NOT NULL,
    "durationSeconds" DOUBLE PRECISION,
    "width" INTEGER,
    "height" INTEGER,
    "frameRate" DOUBLE PRECISION,
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "video_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "video_rendition" (
    "videoId" TEXT NOT NULL,
    "height" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "bandwidth" INTEGER NOT NULL,
    "averageBandwidth" INTEGER NOT NULL,
    "segmentCount" INTEGER NOT NULL,

    CONSTRAINT "video_rendition_pkey" PRIMARY KEY ("videoId","height")
);

-- CreateIndex
CREATE INDEX "video_ownerId_createdAt_idx" ON "video"("ownerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "video_status_visibility_publishedAt_idx" ON "video"("status", "visibility", "publishedAt" DESC);

-- AddForeignKey
ALTER TABLE "video" ADD CONSTRAINT "video_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "video_rendition" ADD CONSTRAINT "video_rendition_videoId_fkey" FOREIGN KEY ("videoId") REFERENCES "video"("id") ON DELETE CASCADE ON UPDATE CASCADE;
