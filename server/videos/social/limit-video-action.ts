import { consume, rateLimitError } from "@/server/platform/ratelimit";

/**
 * Spends one point of the user's window or refuses with RATE_LIMITED:
 * "video-comment" for comments and replies (10 a minute), "video-action" for
 * likes, subscriptions and reports (300 per 5 minutes); RATE_LIMIT_VIDEO_*.
 */
export async function limitVideoAction(policy: "video-comment" | "video-action", userId: string): Promise<void> {
  const limit = await consume(policy, `user:${userId}`);
  if (!limit.allowed) throw rateLimitError(limit);
}
