import { env } from "@/server/env";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { assertMayWatch, findWatchAccess } from "../get-watchable-video";
import { addViewLua, viewWeightLog2 } from "../trending/trending-score";
import { TRENDING_KEY, VIEW_BUFFER_KEY, seenKey } from "./view-keys";
import type { ViewerKeys } from "./viewer-key";

/**
 * KEYS[1]: the viewer's "seen" key, KEYS[2]: the buffer, KEYS[3]: trending, KEYS[4..]: more "seen" keys to set.
 * ARGV: the window in seconds, the video id, the view's trending weight.
 * One script, so the view is either counted (buffer and trending) and remembered, or none of these.
 */
const COUNT_ONCE = `
local fresh = redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1])
for i = 4, #KEYS do redis.call('SET', KEYS[i], '1', 'EX', ARGV[1]) end
if not fresh then return 0 end
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
${addViewLua("KEYS[3]", "ARGV[2]", "ARGV[3]")}
return 1`;

/**
 * A viewer started playing a video: counted once per viewer per video per
 * VIDEO_VIEW_WINDOW_HOURS. The count goes to a Redis buffer the worker adds
 * to Postgres in batches (flush-video-views.ts), so a view costs the watch
 * page one Redis round trip, never a row lock on a popular video; the same
 * script adds it to trending (trending-score.ts).
 */
export async function recordView({ db, redis, videoId, viewer, viewerId }: { db: Db; redis: Redis; videoId: string; viewer: ViewerKeys; viewerId: string | null }): Promise<{ counted: boolean }> {
  await assertMayWatch(await findWatchAccess(db, videoId), async () => viewerId);
  const ttl = Math.round(env.VIDEO_VIEW_WINDOW_HOURS * 3600);
  const keys = [seenKey(videoId, viewer.key), VIEW_BUFFER_KEY, TRENDING_KEY, ...viewer.alsoSeen.map((key) => seenKey(videoId, key))];
  const counted = await redis.eval(COUNT_ONCE, keys.length, ...keys, ttl, videoId, viewWeightLog2());
  return { counted: counted === 1 };
}
