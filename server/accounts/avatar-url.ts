import { mediaUrl } from "@/server/platform/storage";

/**
 * Whether `image` is an avatar this person uploaded through the app
 * (set-avatar.ts stores them under avatars/<user id>/<content hash>.webp).
 * Anything else, another person's picture or an outside URL, is refused, so a
 * profile can never make browsers fetch from elsewhere.
 */
export function isOwnAvatarUrl(userId: string, image: string): boolean {
  const prefix = mediaUrl(`avatars/${userId}/`);
  return image.startsWith(prefix) && /^[0-9a-f]{20}\.webp$/.test(image.slice(prefix.length));
}
