-- AlterTable
ALTER TABLE "chat_message" ADD COLUMN     "linkPreview" JSONB;
