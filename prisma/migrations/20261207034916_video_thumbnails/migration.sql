-- AlterTable
ALTER TABLE "video" ADD COLUMN     "customThumbnail" TEXT,
ADD COLUMN     "thumbnail" TEXT,
ADD COLUMN     "thumbnailCount" INTEGER NOT NULL DEFAULT 0;
