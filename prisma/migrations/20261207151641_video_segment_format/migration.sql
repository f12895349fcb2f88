-- CreateEnum
CREATE TYPE "VideoSegmentFormat" AS ENUM ('mpegts', 'fmp4');

-- AlterTable
ALTER TABLE "video" ADD COLUMN     "segmentFormat" "VideoSegmentFormat" NOT NULL DEFAULT 'mpegts';
