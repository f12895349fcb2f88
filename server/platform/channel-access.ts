import "server-only";
import type { SessionUser } from "./auth";
import { USER_CHANNEL_PREFIX, userChannel } from "./realtime-channels";

/**
 * Who may subscribe to which private and presence channels. Each channel
 * family is a prefix with a check; each system exports its own table (e.g.
 * server/chat/chat-channel-rules.ts) and the entry point composes them
 * (server/realtime/channel-rules.ts). A channel no row matches is refused:
 * deny by default.
 */
export type ChannelAccessRequest = {
  user: SessionUser;
  channel: string;
  /** The channel name after the matched prefix, usually the entity id. */
  id: string;
};
export type ChannelAccessCheck = (request: ChannelAccessRequest) => boolean | Promise<boolean>;
export type ChannelAccessRules = Readonly<Record<string, ChannelAccessCheck>>;

/** The platform's own channels: each user's private channel (notifications, order updates, ...), for that user alone. */
export const PLATFORM_CHANNEL_RULES: ChannelAccessRules = {
  [USER_CHANNEL_PREFIX]: ({ user, channel }) => channel === userChannel(user.id),
};

/** One table from several; two tables claiming the same prefix is a mistake caught at startup. */
export function composeChannelRules(...tables: ChannelAccessRules[]): ChannelAccessRules {
  const composed: Record<string, ChannelAccessCheck> = {};
  for (const table of tables) {
    for (const [prefix, check] of Object.entries(table)) {
      if (prefix in composed) throw new Error(`Two channel-access rules claim the prefix ${prefix}`);
      composed[prefix] = check;
    }
  }
  return composed;
}

/** True when `user` may subscribe to `channel`; the longest matching prefix decides. */
export async function canSubscribe(user: SessionUser, channel: string, rules: ChannelAccessRules): Promise<boolean> {
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
