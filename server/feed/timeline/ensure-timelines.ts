import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { listAuthorEntries, listHomeEntries } from "./timeline-entries";
import { finishBuild, readTimelines, startBuild, type TimelineKind, type TimelineSlice } from "./timeline-store";

export type TimelineSet = { kind: TimelineKind; userId: string };

/**
 * Reads several timeline sets, rebuilding from Postgres any that is missing
 * (never built, evicted, or expired while its owner was away) and reading it
 * again. The build marks the set first, so posts fanned out while the query
 * runs land in it too and none falls between the query and the write.
 */
export async function readOrRebuildTimelines(
  { db, redis }: { db: Db; redis: Redis },
  sets: TimelineSet[],
  range: { before: bigint | null; count: number },
): Promise<TimelineSlice[]> {
  const slices = await readTimelines(redis, sets, range);
  const cold = sets.filter((_, index) => !slices[index]?.ready);
  if (cold.length === 0) return slices;
  await Promise.all(cold.map((set) => rebuildTimeline({ db, redis }, set)));
  return readTimelines(redis, sets, range);
}

export async function rebuildTimeline({ db, redis }: { db: Db; redis: Redis }, { kind, userId }: TimelineSet): Promise<void> {
  await startBuild(redis, kind, userId);
  const entries = kind === "home" ? await listHomeEntries(db, userId) : await listAuthorEntries(db, userId);
  await finishBuild(redis, kind, userId, entries);
}
