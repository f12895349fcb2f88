-- AlterTable
ALTER TABLE "link" ADD COLUMN     "targeting" JSONB;
