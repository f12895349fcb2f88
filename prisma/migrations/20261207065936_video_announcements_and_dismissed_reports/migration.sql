-- AlterTable
ALTER TABLE "video" ADD COLUMN     "announcedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "video_comment_report" ADD COLUMN     "dismissedAt" TIMESTAMP(3);

-- Videos already ready and public were announced to their subscribers when they became ready:
-- an edit must not announce them again (server/videos/channels/notify-video-news.ts).
UPDATE "video" SET "announcedAt" = COALESCE("publishedAt", now()) WHERE "status" = 'ready' AND "visibility" = 'public';
