import os from "node:os";
import { describe, expect, it } from "vitest";
import { ladderCommand } from "./ladder-command";
import { avcCodec, masterPlaylist, readMediaPlaylist } from "./master-playlist";
import { planLadder } from "./plan-ladder";

describe("planLadder", () => {
  it("gives a 1080p source the whole ladder, 16:9 at every rung", () => {
    expect(planLadder({ width: 1920, height: 1080 }).map((rung) => `${rung.name} ${rung.width}x${rung.height}`)).toEqual([
      "240p 426x240",
      "360p 640x360",
      "480p 854x480",
      "720p 1280x720",
      "1080p 1920x1080",
    ]);
  });

  it("never upscales: a 720p source stops at 720p, a tiny one gets one rung of its own size", () => {
    expect(planLadder({ width: 1280, height: 720 }).map((rung) => rung.name)).toEqual(["240p", "360p", "480p", "720p"]);
    expect(planLadder({ width: 160, height: 90 })).toEqual([expect.objectContaining({ name: "90p", width: 160, height: 90 })]);
  });

  it("keeps a portrait source portrait, named by its short side, with even sizes for odd sources", () => {
    expect(planLadder({ width: 1080, height: 1920 }).at(-1)).toMatchObject({ name: "1080p", width: 1080, height: 1920 });
    expect(planLadder({ width: 361, height: 641 }).map((rung) => `${rung.width}x${rung.height}`)).toEqual(["240x426", "360x640"]);
    for (const rung of planLadder({ width: 853, height: 479 })) expect([rung.width % 2, rung.height % 2]).toEqual([0, 0]);
  });
});

describe("ladderCommand", () => {
  const graph = (size: { width: number; height: number }) => {
    const args = ladderCommand({ source: "in", outDir: "out", rungs: planLadder(size), frameRate: 30, hasAudio: true, preset: "veryfast" });
    return args[args.indexOf("-filter_complex") + 1];
  };

  it("scales the rungs below 720p from the 720p picture, the others from the source", () => {
    expect(graph({ width: 1920, height: 1080 })).toBe(
      "[0:v]split=2[s3][s4];[s3]scale=1280:720,setsar=1,split=4[v3][h0][h1][h2];[s4]scale=1920:1080,setsar=1[v4];" +
        "[h0]scale=426:240,setsar=1[v0];[h1]scale=640:360,setsar=1[v1];[h2]scale=854:480,setsar=1[v2]",
    );
    // Below 720p there is nothing to cascade from.
    expect(graph({ width: 640, height: 360 })).toBe("[0:v]split=2[s0][s1];[s0]scale=426:240,setsar=1[v0];[s1]scale=640:360,setsar=1[v1]");
  });
});

describe("ladderCommand presets", () => {
  const presets = (size: { width: number; height: number }, preset: string) => {
    const args = ladderCommand({ source: "in", outDir: "out", rungs: planLadder(size), frameRate: 30, hasAudio: true, preset });
    return args.flatMap((arg, index) => (arg.startsWith("-preset") ? [`${arg} ${args[index + 1]}`] : []));
  };

  it("encodes 1080p and up one x264 preset faster than the others, placed after the ladder-wide one so it wins", () => {
    expect(presets({ width: 1920, height: 1080 }, "superfast")).toEqual(["-preset superfast", "-preset:v:4 ultrafast"]);
    // A portrait 1080×1920 is 1080p too (its short side).
    expect(presets({ width: 1080, height: 1920 }, "veryfast")).toEqual(["-preset veryfast", "-preset:v:4 superfast"]);
    // Nothing is faster than ultrafast; a ladder without 1080p keeps one preset.
    expect(presets({ width: 1920, height: 1080 }, "ultrafast")).toEqual(["-preset ultrafast"]);
    expect(presets({ width: 1280, height: 720 }, "superfast")).toEqual(["-preset superfast"]);
  });
});

describe("ladderCommand threads", () => {
  it("gives the 1080p and 720p encoders 3 and 2 frame threads per core, the others x264's default", () => {
    const args = ladderCommand({ source: "in", outDir: "out", rungs: planLadder({ width: 1920, height: 1080 }), frameRate: 30, hasAudio: true, preset: "superfast" });
    const cores = os.availableParallelism();
    expect(args.flatMap((arg, index) => (arg.startsWith("-threads") ? [`${arg} ${args[index + 1]}`] : []))).toEqual([`-threads:v:3 ${2 * cores}`, `-threads:v:4 ${3 * cores}`]);
  });
});

describe("playlists", () => {
  it("reads segment durations from a media playlist", () => {
    expect(readMediaPlaylist("#EXTM3U\n#EXTINF:4.000000,\nseg-00000.ts\n#EXTINF:1.5,\nseg-00001.ts\n#EXT-X-ENDLIST\n")).toEqual([
      { duration: 4, uri: "seg-00000.ts" },
      { duration: 1.5, uri: "seg-00001.ts" },
    ]);
  });

  it("writes a master playlist lowest rendition first, with every attribute players use", () => {
    const rung = { videoKbps: 1, audioKbps: 1, codecs: "avc1.64001f,mp4a.40.2", segmentCount: 2 };
    const text = masterPlaylist(
      [
        { ...rung, name: "720p", width: 1280, height: 720, bandwidth: 3_000_000, averageBandwidth: 2_500_000 },
        { ...rung, name: "240p", width: 426, height: 240, bandwidth: 500_000, averageBandwidth: 400_000 },
      ],
      29.97,
    );
    expect(text.split("\n").slice(3, 5)).toEqual([
      '#EXT-X-STREAM-INF:BANDWIDTH=500000,AVERAGE-BANDWIDTH=400000,RESOLUTION=426x240,CODECS="avc1.64001f,mp4a.40.2",FRAME-RATE=29.970',
      "240p/index.m3u8",
    ]);
    expect(avcCodec("High", 31)).toBe("avc1.64001f");
    expect(avcCodec("Main", 40)).toBe("avc1.4d4028");
  });
});
