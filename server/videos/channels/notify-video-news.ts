import type { Db } from "@/server/platform/db";
import { enqueue } from "@/server/platform/queue";

/** Subscribers read per query while announcing a new upload. */
const PAGE = 500;

/**
 * Video's notifications, through the platform's queue and notify(). The
 * payload carries title, body and href, which the bell shows as they are
 * (components/notifications/notification-kinds.ts reads those for a kind
 * without its own row). Job ids are fixed per (video, person), so a retried
 * transcoding job announces nothing twice.
 */
export async function notifyVideoReady({ db, videoId }: { db: Db; videoId: string }): Promise<void> {
  const video = await db.video.findUniqueOrThrow({ where: { id: videoId }, select: { title: true, visibility: true, ownerId: true, owner: { select: { name: true } } } });
  const href = `/videos/${videoId}`;
  await enqueue("send-notification", { userId: video.ownerId, kind: "video.ready", payload: { title: `Ready to watch: ${video.title}`, body: "Your upload is transcoded and playable.", href, videoId } }, { jobId: `video-ready-${videoId}` });
  // Unlisted and private videos are not announced to anyone.
  if (video.visibility !== "public") return;
  let after = "";
  for (;;) {
    const page = await db.videoSubscription.findMany({ where: { channelId: video.ownerId, subscriberId: { gt: after } }, orderBy: { subscriberId: "asc" }, take: PAGE, select: { subscriberId: true } });
    for (const { subscriberId } of page) {
      await enqueue(
        "send-notification",
        { userId: subscriberId, kind: "video.upload", payload: { title: `${video.owner.name} uploaded a video`, body: video.title, href, videoId } },
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
