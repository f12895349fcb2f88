import type { Db } from "@/server/platform/db";
import { enqueue } from "@/server/platform/queue";

/** Subscribers read per query while announcing a new upload. */
const PAGE = 500;

/**
 * Video's notifications, through the platform's queue and notify(). The
 * payload carries title, body and href, which the bell shows as they are
 * (components/notifications/notification-kinds.ts reads those for a kind
 * without its own row). Job ids are fixed per (video, person), so a retried
 * transcoding job tells its owner nothing twice.
 */
export async function notifyVideoReady({ db, videoId }: { db: Db; videoId: string }): Promise<void> {
  const video = await db.video.findUniqueOrThrow({ where: { id: videoId }, select: { title: true, ownerId: true } });
  await enqueue(
    "send-notification",
    { userId: video.ownerId, kind: "video.ready", payload: { title: `Ready to watch: ${video.title}`, body: "Your upload is transcoded and playable.", href: `/videos/${videoId}`, videoId } },
    { jobId: `video-ready-${videoId}` },
  );
  await announceNewUpload({ db, videoId });
}

/**
 * Tells the channel's subscribers about a video once it is ready and public:
 * at the end of transcoding, or when an edit makes a private or unlisted
 * video public. Once per video, ever: `announcedAt` is claimed by a
 * conditional update before anyone is told, so a later private → public flip
 * (or two edits at once) announces nothing again. Unlisted and private videos
 * are announced to no one.
 */
export async function announceNewUpload({ db, videoId }: { db: Db; videoId: string }): Promise<void> {
  const { count } = await db.video.updateMany({ where: { id: videoId, status: "ready", visibility: "public", announcedAt: null }, data: { announcedAt: new Date() } });
  if (count === 0) return;
  const video = await db.video.findUniqueOrThrow({ where: { id: videoId }, select: { title: true, ownerId: true, owner: { select: { name: true } } } });
  let after = "";
  for (;;) {
    const page = await db.videoSubscription.findMany({ where: { channelId: video.ownerId, subscriberId: { gt: after } }, orderBy: { subscriberId: "asc" }, take: PAGE, select: { subscriberId: true } });
    for (const { subscriberId } of page) {
      await enqueue(
        "send-notification",
        { userId: subscriberId, kind: "video.upload", payload: { title: `${video.owner.name} uploaded a video`, body: video.title, href: `/videos/${videoId}`, videoId } },
        { jobId: `video-upload-${videoId}-${subscriberId}` },
      );
    }
    if (page.length < PAGE) return;
    after = page.at(-1)?.subscriberId ?? after;
  }
}

/** The owner learns why their upload failed. */
export async function notifyVideoFailed({ db, videoId, reason }: { db: Db; videoId: string; reason: string }): Promise<void> {
  const video = await db.video.findUnique({ where: { id: videoId }, select: { title: true, ownerId: true } });
  if (!video) return;
  await enqueue(
    "send-notification",
    { userId: video.ownerId, kind: "video.failed", payload: { title: `Your video "${video.title}" could not be processed`, body: reason, href: "/videos/mine", videoId } },
    { jobId: `video-failed-${videoId}` },
  );
}
