import { z } from "zod";
import { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { toVideoView, VIDEO_VIEW_SELECT } from "../video-view";
import { DURATION_FILTERS, SEARCH_QUERY_MAX_CHARS, SEARCH_SORTS, UPLOAD_FILTERS, type DurationFilter, type UploadFilter } from "./search-options";

const keys = <T extends object>(object: T) => Object.keys(object) as [keyof T & string, ...(keyof T & string)[]];

export const SearchVideosInput = z.object({
  q: z.string().trim().min(1, "Type something to search for.").max(SEARCH_QUERY_MAX_CHARS),
  duration: z.enum(keys(DURATION_FILTERS)).default("any"),
  uploaded: z.enum(keys(UPLOAD_FILTERS)).default("any"),
  sort: z.enum(keys(SEARCH_SORTS)).default("relevance"),
  /** Page number (0 first). */
  cursor: z.number().int().min(0).max(50).nullish(),
  limit: z.number().int().min(1).max(48).default(24),
});

/** Seconds bounds of each length filter. */
const DURATION_SECONDS: Record<DurationFilter, [number, number]> = { any: [0, Infinity], short: [0, 240], medium: [240, 1200], long: [1200, Infinity] };
const UPLOAD_DAYS: Record<UploadFilter, number | null> = { any: null, day: 1, week: 7, month: 31, year: 366 };

/**
 * Full-text search over public, ready videos: title (weighted most), tags,
 * then description, with Postgres's English stemming and web-search syntax
 * ("quoted phrases", -excluded, or). The GIN index on the same
 * video_search_document() expression (video_social migration) answers the
 * match; filters narrow by length and upload date; sort by relevance
 * (ts_rank, which weighs where words matched), upload date or views.
 */
export async function searchVideos({ db, input }: { db: Db; input: z.infer<typeof SearchVideosInput> }) {
  const [minSeconds, maxSeconds] = DURATION_SECONDS[input.duration];
  const days = UPLOAD_DAYS[input.uploaded];
  const since = days === null ? new Date(0) : new Date(Date.now() - days * 24 * 3600 * 1000);
  const order = {
    relevance: Prisma.sql`rank DESC, "publishedAt" DESC`,
    newest: Prisma.sql`"publishedAt" DESC`,
    views: Prisma.sql`"viewCount" DESC, "publishedAt" DESC`,
  }[input.sort];
  const page = input.cursor ?? 0;
  const hits = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id", ts_rank(video_search_document("title", "description", "tags"), query) AS rank
    FROM "video", websearch_to_tsquery('english', ${input.q}) AS query
    WHERE video_search_document("title", "description", "tags") @@ query
      AND "status" = 'ready' AND "visibility" = 'public'
      AND coalesce("durationSeconds", 0) >= ${minSeconds}
      AND (${Number.isFinite(maxSeconds) ? maxSeconds : null}::float8 IS NULL OR coalesce("durationSeconds", 0) < ${Number.isFinite(maxSeconds) ? maxSeconds : null}::float8)
      AND "publishedAt" >= ${since}
    ORDER BY ${order}, "id"
    LIMIT ${input.limit + 1} OFFSET ${page * input.limit}`;
  const ids = hits.slice(0, input.limit).map((hit) => hit.id);
  const rows = await db.video.findMany({ where: { id: { in: ids } }, select: VIDEO_VIEW_SELECT });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { items: ids.flatMap((id) => byId.get(id) ?? []).map(toVideoView), nextCursor: hits.length > input.limit ? page + 1 : null };
}
