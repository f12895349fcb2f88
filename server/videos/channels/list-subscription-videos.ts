import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { toVideoView, VIDEO_VIEW_SELECT } from "../video-view";

export const SubscriptionVideosInput = z
  .object({
    cursor: z.string().max(64).nullish(),
    limit: z.number().int().min(1).max(48).default(24),
  })
  .optional();

/**
 * The newest public, ready videos of the channels I subscribe to, newest
 * first, paged by cursor (the last id shown): the home page's "From your
 * subscriptions" row (its first page) and /videos/subscriptions.
 */
export async function listSubscriptionVideos({ db, userId, input }: { db: Db; userId: string; input: z.infer<typeof SubscriptionVideosInput> }) {
  const { cursor = null, limit = 24 } = input ?? {};
  const rows = await db.video.findMany({
    where: { status: "ready", visibility: "public", owner: { videoSubscribers: { some: { subscriberId: userId } } } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: VIDEO_VIEW_SELECT,
  });
  const page = rows.slice(0, limit);
  return { items: page.map(toVideoView), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
