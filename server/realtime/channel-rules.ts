import { CHAT_CHANNEL_RULES } from "@/server/chat/chat-channel-rules";
import { FEED_CHANNEL_RULES } from "@/server/feed/feed-channels";
import type { SessionUser } from "@/server/platform/auth";
import { canSubscribe, composeChannelRules, PLATFORM_CHANNEL_RULES } from "@/server/platform/channel-access";
import { RIDES_CHANNEL_RULES } from "@/server/rides/rides-channel-rules";
import { VIDEO_CHANNEL_RULES } from "@/server/videos/video-channel-rules";

/**
 * Who may subscribe to which private and presence channels: the platform's
 * own channels and each system's rules, composed here at the entry point
 * (the platform knows no system). A new system adds its table to this list.
 */
export const CHANNEL_RULES = composeChannelRules(PLATFORM_CHANNEL_RULES, CHAT_CHANNEL_RULES, FEED_CHANNEL_RULES, VIDEO_CHANNEL_RULES, RIDES_CHANNEL_RULES);

export function canSubscribeToChannel(user: SessionUser, channel: string): Promise<boolean> {
  return canSubscribe(user, channel, CHANNEL_RULES);
}
