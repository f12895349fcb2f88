-- AlterTable
ALTER TABLE "chat_thread_reply" ADD COLUMN     "linkPreview" JSONB;
