import { vttTime } from "./vtt-time";

/**
 * The storyboard a player shows over its seek bar (PeerTube's and YouTube's
 * seek previews): one small frame every `interval` seconds, tiled into a
 * single sprite sheet (storyboard.jpg), and a WebVTT file (storyboard.vtt)
 * whose cues name each tile's rectangle with a media fragment
 * (`storyboard.jpg#xywh=x,y,w,h`). The sheet is made inside the ladder's
 * ffmpeg run (ladder-command.ts), from the same decoded frames.
 */

/** Tile width in pixels; the height follows the video's aspect (even). */
export const STORYBOARD_TILE_WIDTH = 160;
/** Tiles per row of the sheet. */
export const STORYBOARD_COLUMNS = 10;
/** At most this many tiles (10 × 10 at 160×90: a 1600×900 JPEG); a longer video gets a longer interval. */
export const STORYBOARD_MAX_TILES = 100;

export type StoryboardPlan = { interval: number; count: number; columns: number; rows: number; tileWidth: number; tileHeight: number };

/** One tile a second for videos up to 100 s; longer ones a tile every ceil(duration / 100) seconds. */
export function planStoryboard({ durationSeconds, width, height }: { durationSeconds: number; width: number; height: number }): StoryboardPlan {
  const interval = Math.max(1, Math.ceil(durationSeconds / STORYBOARD_MAX_TILES));
  const count = Math.max(1, Math.ceil(durationSeconds / interval));
  const columns = Math.min(STORYBOARD_COLUMNS, count);
  const tileHeight = Math.max(2, 2 * Math.round((STORYBOARD_TILE_WIDTH * height) / width / 2));
  return { interval, count, columns, rows: Math.ceil(count / columns), tileWidth: STORYBOARD_TILE_WIDTH, tileHeight };
}

/** The filter chain from decoded frames to the sheet: keep one frame per interval, shrink it, tile them. */
export function storyboardFilter(plan: StoryboardPlan): string {
  return `fps=1/${plan.interval},scale=${plan.tileWidth}:${plan.tileHeight},setsar=1,tile=${plan.columns}x${plan.rows}`;
}

/** The WebVTT file: tile i covers [i·interval, min((i+1)·interval, duration)), left to right, top to bottom. */
export function storyboardVtt(plan: StoryboardPlan, durationSeconds: number, image: string): string {
  const cues = Array.from({ length: plan.count }, (_, index) => {
    const start = index * plan.interval;
    const end = Math.min((index + 1) * plan.interval, durationSeconds);
    const x = (index % plan.columns) * plan.tileWidth;
    const y = Math.floor(index / plan.columns) * plan.tileHeight;
    return `${vttTime(start)} --> ${vttTime(Math.max(end, start + 0.001))}\n${image}#xywh=${x},${y},${plan.tileWidth},${plan.tileHeight}`;
  });
  return `WEBVTT\n\n${cues.join("\n\n")}\n`;
}
