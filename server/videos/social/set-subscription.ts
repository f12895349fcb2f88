import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { limitVideoAction } from "./limit-video-action";

export const SetSubscriptionInput = z.object({ channelId: z.string().min(1).max(64), subscribed: z.boolean() });

/** Subscribes to a channel (a person's videos) or unsubscribes; a repeat is a no-op. Answers the state and the channel's subscriber count. */
export async function setSubscription({ db, userId, input }: { db: Db; userId: string; input: z.infer<typeof SetSubscriptionInput> }) {
  if (input.channelId === userId) throw new AppError("BAD_REQUEST", "You cannot subscribe to your own channel.");
  await limitVideoAction("video-action", userId);
  if (input.subscribed) {
    const channel = await db.user.findUnique({ where: { id: input.channelId }, select: { id: true } });
    if (!channel) throw new AppError("NOT_FOUND", "This channel does not exist.");
    await db.$executeRaw`INSERT INTO "video_subscription" ("subscriberId", "channelId") VALUES (${userId}, ${channel.id}) ON CONFLICT DO NOTHING`;
  } else {
    await db.videoSubscription.deleteMany({ where: { subscriberId: userId, channelId: input.channelId } });
  }
  return { subscribed: input.subscribed, subscriberCount: await countSubscribers(db, input.channelId) };
}

/** Exact by construction (an index-only count on video_subscription(channelId, …)); channels here have thousands at most. */
export function countSubscribers(db: Db, channelId: string): Promise<number> {
  return db.videoSubscription.count({ where: { channelId } });
}
