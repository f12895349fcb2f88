import { isConversationMember } from "@/server/chat/is-conversation-member";
import type { SessionUser } from "./auth";
import { db } from "./db";
import { userChannel } from "./realtime";

/**
 * Who may subscribe to which private and presence channels. Each channel
 * family is a prefix with a check; a system plugs its membership rule in by
 * adding one row here (e.g. `"presence-chat-": ({ user, id }) =>
 * isConversationMember({ db, userId: user.id, conversationId: id })`).
 * A channel no row matches is refused: deny by default.
 */
export type ChannelAccessRequest = {
  user: SessionUser;
  channel: string;
  /** The channel name after the matched prefix, usually the entity id. */
  id: string;
};
export type ChannelAccessCheck = (request: ChannelAccessRequest) => boolean | Promise<boolean>;

const CHANNEL_ACCESS: Record<string, ChannelAccessCheck> = {
  "private-user-": ({ user, channel }) => channel === userChannel(user.id),
  // Chat: a conversation's events and its presence, for active members only (checked on every subscribe).
  "private-chat-": ({ user, id }) => isConversationMember({ db, conversationId: id, userId: user.id }),
  "presence-chat-": ({ user, id }) => isConversationMember({ db, conversationId: id, userId: user.id }),
};

/** True when `user` may subscribe to `channel`; the longest matching prefix decides. */
export async function canSubscribe(user: SessionUser, channel: string, rules: Record<string, ChannelAccessCheck> = CHANNEL_ACCESS): Promise<boolean> {
  if (!channel.startsWith("private-") && !channel.startsWith("presence-")) return false;
  // Encrypted channels need a shared secret per channel, which nothing here provisions.
  if (channel.startsWith("private-encrypted-")) return false;
  let matched: string | undefined;
  for (const prefix of Object.keys(rules)) {
    if (channel.startsWith(prefix) && channel.length > prefix.length && (!matched || prefix.length > matched.length)) matched = prefix;
  }
  const check = matched === undefined ? undefined : rules[matched];
  if (!matched || !check) return false;
  return (await check({ user, channel, id: channel.slice(matched.length) })) === true;
}
