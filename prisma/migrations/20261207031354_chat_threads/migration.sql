-- AlterTable
ALTER TABLE "chat_message" ADD COLUMN     "threadLastReplyAt" TIMESTAMP(3),
ADD COLUMN     "threadReplyCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "chat_thread_reply" (
    "id" TEXT NOT NULL,
    "parentId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "senderId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_thread_reply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "chat_thread_reply_senderId_idx" ON "chat_thread_reply"("senderId");

-- CreateIndex
CREATE UNIQUE INDEX "chat_thread_reply_parentId_seq_key" ON "chat_thread_reply"("parentId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "chat_thread_reply_parentId_senderId_clientId_key" ON "chat_thread_reply"("parentId", "senderId", "clientId");

-- AddForeignKey
ALTER TABLE "chat_thread_reply" ADD CONSTRAINT "chat_thread_reply_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "chat_message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_thread_reply" ADD CONSTRAINT "chat_thread_reply_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
