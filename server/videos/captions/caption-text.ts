import { AppError } from "@/server/errors";
import { vttTime } from "../vtt-time";

/** A timed line of captions. */
type Cue = { start: number; end: number; lines: string[] };

const TIMING = /^(\S+)\s+-->\s+(\S+)/;
const VTT_TIME = /^(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const SRT_TIME = /^(\d{1,3}):([0-5]\d):([0-5]\d),(\d{3})$/;

/**
 * An uploaded captions file as the WebVTT we store: UTF-8 text, either
 * WebVTT or SubRip (.srt, converted). Every cue is read and written back, so
 * what is served is only timings and text (no STYLE or REGION blocks, no
 * NOTE). Refusals say what is wrong in words: not UTF-8 text, neither format
 * (415), a cue with a broken timing or ending before it starts, no cues (400).
 */
export function toWebVtt(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw notCaptions("Captions must be UTF-8 text.");
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const vtt = /^WEBVTT(?:[ \t].*)?(?:\n|$)/.test(text);
  const blocks = (vtt ? text.slice(text.indexOf("\n") + 1) : text).split(/\n{2,}/);
  if (!vtt && !blocks.some((block) => block.split("\n").some((line) => TIMING.test(line) && line.includes(",")))) {
    throw notCaptions("Captions must be a WebVTT (.vtt) or SubRip (.srt) file.");
  }
  const cues: Cue[] = [];
  for (const block of blocks) {
    const lines = block.split("\n").filter((line, index) => index > 0 || line.trim() !== "");
    const timing = lines.findIndex((line) => TIMING.test(line));
    // A NOTE, STYLE or REGION block (WebVTT), or stray text: not a cue.
    if (timing === -1 || timing > 1) continue;
    const [, from = "", to = ""] = TIMING.exec(lines[timing] ?? "") ?? [];
    const start = secondsOf(from, vtt);
    const end = secondsOf(to, vtt);
    if (start === null || end === null) throw new AppError("BAD_REQUEST", `"${lines[timing]}" is not a cue timing this file's format allows.`, { field: "captions" });
    if (end <= start) throw new AppError("BAD_REQUEST", `The cue at ${from} ends before it starts.`, { field: "captions" });
    const words = lines.slice(timing + 1).filter((line) => line.trim() !== "");
    if (words.length > 0) cues.push({ start, end, lines: words });
  }
  if (cues.length === 0) throw new AppError("BAD_REQUEST", "This file has no captions in it.", { field: "captions" });
  return `WEBVTT\n\n${cues.map((cue) => `${vttTime(cue.start)} --> ${vttTime(cue.end)}\n${cue.lines.join("\n")}`).join("\n\n")}\n`;
}

function secondsOf(stamp: string, vtt: boolean): number | null {
  const match = (vtt ? VTT_TIME : SRT_TIME).exec(stamp);
  if (!match) return null;
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]) + Number(match[4]) / 1000;
}

function notCaptions(message: string): AppError {
  return new AppError("UNSUPPORTED_MEDIA_TYPE", message, { field: "captions" });
}
