/**
 * The platform's own realtime channel: each user's private channel, which
 * only that user may subscribe to (channel-access.ts). Pure constants: the
 * browser imports them too.
 */
export const USER_CHANNEL_PREFIX = "private-user-";

export function userChannel(userId: string): string {
  return `${USER_CHANNEL_PREFIX}${userId}`;
}
