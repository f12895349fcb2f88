/** One seek preview: the time range it stands for and its rectangle in the sprite sheet. */
export type StoryboardTile = { start: number; end: number; image: string; x: number; y: number; width: number; height: number };

const CUE_TIMES = /^(\S+)\s+-->\s+(\S+)/;
const TILE = /^(.+)#xywh=(\d+),(\d+),(\d+),(\d+)$/;

/**
 * Reads a storyboard WebVTT file (server/videos/storyboard.ts writes it):
 * each cue's payload is an image URL with a `#xywh=` fragment, relative to
 * the file's own URL `base`. Cues it cannot read are left out.
 */
export function parseStoryboard(text: string, base: string): StoryboardTile[] {
  const tiles: StoryboardTile[] = [];
  for (const block of text.replace(/\r\n?/g, "\n").split(/\n{2,}/)) {
    const lines = block.trim().split("\n");
    const timing = lines.findIndex((line) => CUE_TIMES.test(line));
    if (timing === -1) continue;
    const [, from = "", to = ""] = CUE_TIMES.exec(lines[timing] ?? "") ?? [];
    const tile = TILE.exec(lines[timing + 1]?.trim() ?? "");
    const start = secondsOf(from);
    const end = secondsOf(to);
    if (!tile || start === null || end === null) continue;
    const [, image = "", x, y, width, height] = tile;
    tiles.push({ start, end, image: new URL(image, base).toString(), x: Number(x), y: Number(y), width: Number(width), height: Number(height) });
  }
  return tiles;
}

/** The tile shown at `seconds`: the cue covering it, else the last one starting before it. */
export function tileAt(tiles: readonly StoryboardTile[], seconds: number): StoryboardTile | null {
  let found: StoryboardTile | null = null;
  for (const tile of tiles) {
    if (tile.start > seconds) break;
    found = tile;
    if (seconds < tile.end) break;
  }
  return found;
}

/** "01:02:03.500" or "02:03.500" → seconds; null when it is not a WebVTT timestamp. */
function secondsOf(stamp: string): number | null {
  const match = /^(?:(\d+):)?(\d{2}):(\d{2}(?:\.\d{1,3})?)$/.exec(stamp);
  if (!match) return null;
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}
