import { consume, rateLimitError, type RateLimitPolicyName } from "@/server/platform/ratelimit";

type FeedPolicy = Extract<RateLimitPolicyName, "feed-post" | "feed-follow" | "feed-like">;

/** Spends one point of the user's window for a feed action, or refuses with a clear RATE_LIMITED error. */
export async function limitFeedAction(policy: FeedPolicy, userId: string): Promise<void> {
  const limit = await consume(policy, `user:${userId}`);
  if (!limit.allowed) throw rateLimitError(limit);
}
