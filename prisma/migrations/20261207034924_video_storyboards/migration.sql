-- AlterTable
ALTER TABLE "video" ADD COLUMN     "hasStoryboard" BOOLEAN NOT NULL DEFAULT false;
