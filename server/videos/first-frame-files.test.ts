import { describe, expect, it } from "vitest";
import { firstFrameFiles } from "./first-frame-files";

/** The files the watch page preloads must be the ones hls.js asks for first, or the preloads are wasted. */
describe("firstFrameFiles", () => {
  const video = {
    segmentFormat: "fmp4" as const,
    masterUrl: "/api/videos/abc/hls/master.m3u8",
    // The lowest bandwidth is what the master lists first, whatever the order here.
    renditions: [
      { name: "480p", width: 854, height: 480, bandwidth: 1_400_000 },
      { name: "240p", width: 426, height: 240, bandwidth: 300_000 },
      { name: "720p", width: 1280, height: 720, bandwidth: 2_800_000 },
    ],
  };

  it("names the master, the lowest rendition's playlist, its initialisation segment and its first segment", () => {
    expect(firstFrameFiles(video, false)).toEqual([
      "/api/videos/abc/hls/master.m3u8",
      "/api/videos/abc/hls/240p/index.m3u8",
      "/api/videos/abc/hls/240p/init-240p.mp4",
      "/api/videos/abc/hls/240p/seg-00000.m4s",
    ]);
  });

  it("leaves the first segment out when the viewer resumes further on", () => {
    expect(firstFrameFiles(video, true)).toEqual(["/api/videos/abc/hls/master.m3u8", "/api/videos/abc/hls/240p/index.m3u8", "/api/videos/abc/hls/240p/init-240p.mp4"]);
  });

  it("names only the playlists of a video transcoded to MPEG-TS", () => {
    expect(firstFrameFiles({ ...video, segmentFormat: "mpegts" }, false)).toEqual(["/api/videos/abc/hls/master.m3u8", "/api/videos/abc/hls/240p/index.m3u8"]);
  });

  it("names nothing for a video that is not ready", () => {
    expect(firstFrameFiles({ masterUrl: null, renditions: [], segmentFormat: "fmp4" }, false)).toEqual([]);
  });
});
