import { Worker } from "bullmq";
import { createTestUser } from "@/server/accounts/test-users";
import type { SessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { JOB_PREFIX } from "@/server/platform/queue";
import { createRedis, redis } from "@/server/platform/redis";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { processors } from "@/server/jobs/processors";

/**
 * Fixtures for the Feed tests (real Postgres and Redis from Vitest's global
 * setup). Test files set FEED_CELEBRITY_FOLLOWERS and the RATE_LIMIT_FEED_*
 * limits in vi.hoisted, before env.ts reads them.
 */

export type FeedPerson = { user: SessionUser; feed: ReturnType<typeof feedCaller> };

export function feedCaller(user: SessionUser | null) {
  return createCallerFactory(appRouter)({ db, redis, headers: new Headers(), user }).feed;
}

export async function feedPerson(name = "Feed Person"): Promise<FeedPerson> {
  const row = await createTestUser(db, { name });
  const user: SessionUser = { id: row.id, name: row.name, email: row.email, username: row.username, image: null, role: "user" };
  return { user, feed: feedCaller(user) };
}

/** Runs real queues ("feed-fanout" by default; "send-notification" for notification tests) the way the worker does, for the test file's lifetime. */
export function startFanOutWorker(names: ReadonlyArray<"feed-fanout" | "send-notification"> = ["feed-fanout"]): { close: () => Promise<void> } {
  const connection = createRedis({ maxRetriesPerRequest: null });
  const workers = names.map((name) => new Worker(name, async (job) => processors[name](job.data, job), { connection, prefix: JOB_PREFIX }));
  return {
    close: async () => {
      await Promise.all(workers.map((worker) => worker.close()));
      connection.disconnect();
    },
  };
}

/** The ids of every entry in someone's home timeline, paging to the end. */
export async function readWholeTimeline(person: FeedPerson, limit = 20): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await person.feed.timeline.home({ cursor, limit });
    ids.push(...page.items.map((item) => item.entryId));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
}
