import type { ChannelAccessCheck, ChannelAccessRules } from "@/server/platform/channel-access";
import { db } from "@/server/platform/db";
import { CONVERSATION_CHANNEL_PREFIX, CONVERSATION_PRESENCE_PREFIX } from "./chat-channels";
import { isConversationMember } from "./conversations/is-conversation-member";

/** A conversation's events and its presence are for its active members only, checked on every subscribe. */
const activeMembersOnly: ChannelAccessCheck = ({ user, id }) => isConversationMember({ db, conversationId: id, userId: user.id });

/** Chat's rows of the channel-access table (composed with the others in server/realtime/channel-rules.ts). */
export const CHAT_CHANNEL_RULES: ChannelAccessRules = {
  [CONVERSATION_CHANNEL_PREFIX]: activeMembersOnly,
  [CONVERSATION_PRESENCE_PREFIX]: activeMembersOnly,
};
