import { consume, rateLimitError } from "@/server/platform/ratelimit";

/**
 * Links made from the app's pages spend from the window the REST API gives a
 * signed-in user ("api-key", keyed `user:<id>`: 600 a minute by default,
 * RATE_LIMIT_API_KEY_*), one point a link, so the pages are no way around the
 * API's limit; each new link also sets the worker fetching its destination
 * (preview/). Refused whole with RATE_LIMITED: a bulk import too big for what
 * is left of the window makes no link at all (and, like a refused API call,
 * still counts against the window).
 */
export async function limitLinkCreation(userId: string, links: number): Promise<void> {
  const limit = await consume("api-key", `user:${userId}`, links);
  if (!limit.allowed) throw rateLimitError(limit);
}
