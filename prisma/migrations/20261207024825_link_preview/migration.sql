-- AlterTable
ALTER TABLE "link" ADD COLUMN     "previewCustom" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "previewDescription" TEXT,
ADD COLUMN     "previewImage" TEXT,
ADD COLUMN     "previewTitle" TEXT;
