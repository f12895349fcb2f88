import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { toVideoView, VIDEO_VIEW_SELECT } from "./video-view";

export const ListVideosInput = z.object({
  cursor: z.string().max(64).nullish(),
  limit: z.number().int().min(1).max(48).default(24),
  /** One channel's videos only (its page, /videos/c/<username>). */
  channelId: z.string().min(1).max(64).nullish(),
});

/** The /videos home and a channel's page: public, ready videos, newest first (by when they became ready), paged by cursor. */
export async function listVideos({ db, input }: { db: Db; input: z.infer<typeof ListVideosInput> }) {
  const rows = await db.video.findMany({
    where: { status: "ready", visibility: "public", ...(input.channelId ? { ownerId: input.channelId } : {}) },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: VIDEO_VIEW_SELECT,
  });
  const page = rows.slice(0, input.limit);
  return { items: page.map(toVideoView), nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}
