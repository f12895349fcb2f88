-- CreateTable
CREATE TABLE "link" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "isAlias" BOOLEAN NOT NULL DEFAULT false,
    "ownerId" TEXT,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "expiresAt" TIMESTAMP(3),
    "disabledAt" TIMESTAMP(3),
    "passwordHash" TEXT,
    "clickCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "click" (
    "id" BIGSERIAL NOT NULL,
    "eventId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "visitorHash" TEXT NOT NULL,
    "referrerDomain" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "browser" TEXT NOT NULL,
    "os" TEXT NOT NULL,
    "device" TEXT NOT NULL,
    "isBot" BOOLEAN NOT NULL,

    CONSTRAINT "click_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "link_daily_stat" (
    "linkId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "uniqueVisitors" INTEGER NOT NULL DEFAULT 0,
    "bots" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "link_daily_stat_pkey" PRIMARY KEY ("linkId","day")
);

-- CreateTable
CREATE TABLE "link_daily_visitor" (
    "linkId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "visitorHash" TEXT NOT NULL,

    CONSTRAINT "link_daily_visitor_pkey" PRIMARY KEY ("linkId","day","visitorHash")
);

-- CreateTable
CREATE TABLE "link_code_block" (
    "id" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "link_code_block_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "link_code_key" ON "link"("code");

-- CreateIndex
CREATE INDEX "link_ownerId_createdAt_idx" ON "link"("ownerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "link_tags_idx" ON "link" USING GIN ("tags");

-- CreateIndex
CREATE UNIQUE INDEX "click_eventId_key" ON "click"("eventId");

-- CreateIndex
CREATE INDEX "click_linkId_occurredAt_idx" ON "click"("linkId", "occurredAt");

-- CreateIndex
CREATE INDEX "link_daily_visitor_day_idx" ON "link_daily_visitor"("day");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_keyHash_key" ON "api_key"("keyHash");

-- CreateIndex
CREATE INDEX "api_key_userId_createdAt_idx" ON "api_key"("userId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "link" ADD CONSTRAINT "link_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "click" ADD CONSTRAINT "click_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "link"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "link_daily_stat" ADD CONSTRAINT "link_daily_stat_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "link"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "link_daily_visitor" ADD CONSTRAINT "link_daily_visitor_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "link"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
