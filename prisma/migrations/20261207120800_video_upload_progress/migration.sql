-- AlterTable
ALTER TABLE "video" ADD COLUMN     "lastChunkAt" TIMESTAMP(3),
ADD COLUMN     "uploadedBytes" BIGINT NOT NULL DEFAULT 0;
