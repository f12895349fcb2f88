import { describe, expect, it } from "vitest";
import { parseStoryboard, tileAt } from "@/components/videos/storyboard-tiles";
import { planStoryboard, storyboardFilter, storyboardVtt } from "./storyboard";

/** The storyboard's shape: the plan for a video's length and aspect, the WebVTT file, and the player's reading of it. */
describe("planStoryboard", () => {
  it("takes a tile a second up to 100 s, 10 a row, 160 wide with the video's aspect (even heights)", () => {
    expect(planStoryboard({ durationSeconds: 9, width: 640, height: 360 })).toEqual({ interval: 1, count: 9, columns: 9, rows: 1, tileWidth: 160, tileHeight: 90 });
    expect(planStoryboard({ durationSeconds: 100, width: 1920, height: 1080 })).toMatchObject({ interval: 1, count: 100, columns: 10, rows: 10 });
    expect(planStoryboard({ durationSeconds: 20, width: 360, height: 640 })).toMatchObject({ columns: 10, rows: 2, tileHeight: 284 });
  });

  it("spaces tiles further apart for longer videos, never more than 100", () => {
    const hour = planStoryboard({ durationSeconds: 3600, width: 1280, height: 720 });
    expect(hour).toMatchObject({ interval: 36, count: 100, columns: 10, rows: 10 });
    const odd = planStoryboard({ durationSeconds: 250.5, width: 1280, height: 720 });
    expect(odd).toMatchObject({ interval: 3, count: 84 });
    expect(storyboardFilter(odd)).toBe("fps=1/3,scale=160:90,setsar=1,tile=10x9");
  });
});

describe("storyboardVtt", () => {
  it("writes one cue per tile, in reading order, the last ending with the video", () => {
    const plan = planStoryboard({ durationSeconds: 12.5, width: 640, height: 360 });
    const text = storyboardVtt(plan, 12.5, "storyboard.jpg");
    expect(text.startsWith("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nstoryboard.jpg#xywh=0,0,160,90\n\n")).toBe(true);
    const cues = text.trim().split("\n\n").slice(1);
    expect(cues).toHaveLength(13);
    expect(cues[10]).toBe("00:00:10.000 --> 00:00:11.000\nstoryboard.jpg#xywh=0,90,160,90");
    expect(cues[12]).toBe("00:00:12.000 --> 00:00:12.500\nstoryboard.jpg#xywh=320,90,160,90");
    expect(storyboardVtt(planStoryboard({ durationSeconds: 3725, width: 1280, height: 720 }), 3725, "s.jpg")).toContain("01:02:04.000 --> 01:02:05.000\ns.jpg#xywh=1280,810,160,90");
  });

  it("is read back by the player: tiles with absolute image URLs, and the one under any time", () => {
    const plan = planStoryboard({ durationSeconds: 12.5, width: 640, height: 360 });
    const tiles = parseStoryboard(storyboardVtt(plan, 12.5, "storyboard.jpg"), "http://localhost/api/videos/abc/hls/storyboard.vtt");
    expect(tiles).toHaveLength(13);
    expect(tiles[11]).toEqual({ start: 11, end: 12, image: "http://localhost/api/videos/abc/hls/storyboard.jpg", x: 160, y: 90, width: 160, height: 90 });
    expect(tileAt(tiles, 0)?.x).toBe(0);
    expect(tileAt(tiles, 4.5)).toMatchObject({ start: 4, x: 640 });
    expect(tileAt(tiles, 12.5)).toMatchObject({ start: 12 });
    expect(tileAt([], 3)).toBeNull();
    // Anything else in the file (a note, a cue that is not a tile) is skipped.
    expect(parseStoryboard("WEBVTT\n\nNOTE made by hand\n\n00:01.000 --> 00:02.000\nnot a tile\n\n00:02.000 --> 00:03.000\na.jpg#xywh=1,2,3,4\n", "http://x/v/s.vtt")).toEqual([
      { start: 2, end: 3, image: "http://x/v/a.jpg", x: 1, y: 2, width: 3, height: 4 },
    ]);
  });
});
