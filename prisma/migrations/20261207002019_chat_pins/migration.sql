-- AlterTable
ALTER TABLE "chat_message" ADD COLUMN     "pinnedAt" TIMESTAMP(3),
ADD COLUMN     "pinnedById" TEXT;

-- CreateIndex
CREATE INDEX "chat_message_conversationId_pinnedAt_idx" ON "chat_message"("conversationId", "pinnedAt");
