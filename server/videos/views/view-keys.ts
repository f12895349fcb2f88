/**
 * Video's Redis keys for views. What lives only here is acceptable to lose:
 * a lost "seen" key lets one viewer count once more; a lost buffer loses at
 * most one flush interval of views (VIDEO_VIEW_FLUSH_MS).
 */
export const VIEW_BUFFER_KEY = "casebook:videos:views:buffer";
/** The buffer taken by a flush, kept until its counts are in Postgres (flush-video-views.ts). */
export const VIEW_PENDING_KEY = "casebook:videos:views:pending";
/** The pending hash's field that names its batch (video ids never start with "#"). */
export const BATCH_FIELD = "#batch";

/** "This viewer's view of this video was counted", for VIDEO_VIEW_WINDOW_HOURS. */
export function seenKey(videoId: string, viewerKey: string): string {
  return `casebook:videos:seen:${videoId}:${viewerKey}`;
}

/**
 * Trending: a sorted set of video ids scored by views with time decay
 * (trending-score.ts). Rebuildable in the sense that matters: lost, it
 * refills from new views, and the home page shows the latest meanwhile.
 */
export const TRENDING_KEY = "casebook:videos:trending";
