-- CreateTable
CREATE TABLE "mail_outbox" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mail_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "mail_outbox_sentAt_idx" ON "mail_outbox"("sentAt" DESC);

-- CreateIndex
CREATE INDEX "mail_outbox_to_sentAt_idx" ON "mail_outbox"("to", "sentAt" DESC);
