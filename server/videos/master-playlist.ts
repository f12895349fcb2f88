import type { Rung } from "./plan-ladder";
import { MEDIA_PLAYLIST } from "./video-files";

export type MeasuredRendition = Rung & {
  /** Peak bits per second over any one segment, and the whole rendition's average. */
  bandwidth: number;
  averageBandwidth: number;
  /** RFC 6381, e.g. "avc1.64001f,mp4a.40.2". */
  codecs: string;
  segmentCount: number;
};

/** Segment durations (EXTINF) and file names of a media playlist, in order. */
export function readMediaPlaylist(text: string): Array<{ duration: number; uri: string }> {
  const segments: Array<{ duration: number; uri: string }> = [];
  let duration: number | null = null;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#EXTINF:")) duration = Number.parseFloat(line.slice("#EXTINF:".length));
    else if (line && !line.startsWith("#") && duration !== null) {
      segments.push({ duration, uri: line });
      duration = null;
    }
  }
  return segments;
}

/** The master playlist: one variant per rendition, lowest first (players start there and climb). */
export function masterPlaylist(renditions: readonly MeasuredRendition[], frameRate: number): string {
  const lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-INDEPENDENT-SEGMENTS"];
  for (const rendition of [...renditions].sort((a, b) => a.bandwidth - b.bandwidth)) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${rendition.bandwidth},AVERAGE-BANDWIDTH=${rendition.averageBandwidth},RESOLUTION=${rendition.width}x${rendition.height},CODECS="${rendition.codecs}",FRAME-RATE=${frameRate.toFixed(3)}`,
      `${rendition.name}/${MEDIA_PLAYLIST}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

const PROFILE_IDC: Record<string, string> = { high: "6400", main: "4d40", baseline: "4200", "constrained baseline": "42e0" };

/** RFC 6381 codec string of an H.264 stream from ffprobe's profile name and level (31 → avc1.64001f). */
export function avcCodec(profile: string, level: number): string {
  const idc = PROFILE_IDC[profile.toLowerCase()] ?? "6400";
  return `avc1.${idc}${level.toString(16).padStart(2, "0")}`;
}
