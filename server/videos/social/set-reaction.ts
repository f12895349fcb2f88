import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { assertMayWatch, findWatchAccess } from "../get-watchable-video";
import { limitVideoAction } from "./limit-video-action";

export const SetReactionInput = z.object({
  videoId: z.string().min(1).max(64),
  /** null takes my like or dislike back. */
  reaction: z.enum(["like", "dislike"]).nullable(),
});

/**
 * Likes, dislikes, or neither: one row per (user, video), switched in place.
 * The counts move only in the trigger of an actual insert, switch or delete
 * (the video_social migration), so repeated or concurrent calls settle on
 * one reaction and exact counts. Answers the state and counts after it.
 */
export async function setReaction({ db, userId, input }: { db: Db; userId: string; input: z.infer<typeof SetReactionInput> }) {
  await limitVideoAction("video-action", userId);
  const video = await assertMayWatch(await findWatchAccess(db, input.videoId), async () => userId);
  if (input.reaction === null) {
    await db.videoReaction.deleteMany({ where: { userId, videoId: video.id } });
  } else {
    await db.$executeRaw`
      INSERT INTO "video_reaction" ("userId", "videoId", "value") VALUES (${userId}, ${video.id}, ${input.reaction}::"VideoReactionValue")
      ON CONFLICT ("userId", "videoId") DO UPDATE SET "value" = EXCLUDED."value" WHERE "video_reaction"."value" <> EXCLUDED."value"`;
  }
  const counts = await db.video.findUniqueOrThrow({ where: { id: video.id }, select: { likeCount: true, dislikeCount: true } });
  return { reaction: input.reaction, ...counts };
}
