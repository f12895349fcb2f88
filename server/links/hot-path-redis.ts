import { createRedis, type Redis } from "@/server/platform/redis";

/**
 * The redirect path's own Redis connection, with auto-pipelining: every cache
 * GET and click XADD issued in the same event-loop tick leaves in one write,
 * so under load thousands of redirects per second cost a few hundred
 * syscalls instead of thousands. Kept apart from the shared client so its
 * batching never delays anything else.
 */
const holder = globalThis as typeof globalThis & { casebookLinksHotRedis?: Redis };

export function hotPathRedis(): Redis {
  holder.casebookLinksHotRedis ??= createRedis({ enableAutoPipelining: true });
  return holder.casebookLinksHotRedis;
}
