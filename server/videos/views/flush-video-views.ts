import { randomUUID } from "node:crypto";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { BATCH_FIELD, VIEW_BUFFER_KEY, VIEW_PENDING_KEY } from "./view-keys";

/** Batch ids older than this are forgotten: a flush is retried within seconds, never a day later. */
const BATCH_MEMORY_MS = 24 * 3600 * 1000;

/** Takes the buffer as a named batch, unless an earlier batch is still pending (then that one again). */
const TAKE_BATCH = `
if redis.call('EXISTS', KEYS[2]) == 0 then
  if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
end
return redis.call('HGETALL', KEYS[2])`;

/** Forgets the pending batch only if it is still this one (another worker may have moved on). */
const DROP_BATCH = `
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Adds the views buffered in Redis (record-view.ts) to video.viewCount,
 * exactly once: the buffer becomes a named batch, the counts and the batch id
 * are written in one transaction, and only then is the batch dropped. A flush
 * that dies in between finds the same batch next time, and its id already in
 * video_view_batch, so it only drops it. Safe with several workers at once.
 */
export async function flushVideoViews({ db, redis }: { db: Db; redis: Redis }): Promise<{ videos: number; views: number }> {
  const flat = (await redis.eval(TAKE_BATCH, 2, VIEW_BUFFER_KEY, VIEW_PENDING_KEY, BATCH_FIELD, randomUUID())) as string[];
  if (flat.length === 0) return { videos: 0, views: 0 };
  let batchId = "";
  const ids: string[] = [];
  const counts: number[] = [];
  for (let index = 0; index < flat.length; index += 2) {
    const [field = "", value = ""] = [flat[index], flat[index + 1]];
    if (field === BATCH_FIELD) batchId = value;
    else {
      ids.push(field);
      counts.push(Number(value));
    }
  }
  await db.$transaction(async (tx) => {
    const fresh = await tx.$executeRaw`INSERT INTO "video_view_batch" ("id") VALUES (${batchId}) ON CONFLICT DO NOTHING`;
    if (fresh === 0) return;
    await tx.$executeRaw`
      UPDATE "video" AS v SET "viewCount" = v."viewCount" + d.n
      FROM (SELECT unnest(${ids}::text[]) AS id, unnest(${counts}::int[]) AS n) AS d
      WHERE v."id" = d.id`;
    await tx.videoViewBatch.deleteMany({ where: { appliedAt: { lt: new Date(Date.now() - BATCH_MEMORY_MS) } } });
  });
  await redis.eval(DROP_BATCH, 1, VIEW_PENDING_KEY, BATCH_FIELD, batchId);
  return { videos: ids.length, views: counts.reduce((sum, n) => sum + n, 0) };
}
