import type { ChannelAccessRules } from "@/server/platform/channel-access";
import { db } from "@/server/platform/db";
import { VIDEO_CHANNEL_PREFIX } from "./video-channels";

/** Video's rows of the channel-access table (composed in server/realtime/channel-rules.ts): a video's progress is its owner's. */
export const VIDEO_CHANNEL_RULES: ChannelAccessRules = {
  [VIDEO_CHANNEL_PREFIX]: async ({ user, id }) => (await db.video.count({ where: { id, ownerId: user.id } })) === 1,
};
