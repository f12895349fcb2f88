import { AppError } from "@/server/errors";
import { videoFileUrl } from "../video-files";

/** Languages one video may have captions in. */
export const CAPTION_TRACKS_MAX = 20;

export type CaptionTrack = { language: string; label: string; url: string };

const names = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/**
 * A BCP 47 language tag as we store it ("PT-br" → "pt-BR"), or a refusal:
 * a language and at most a script and a region (no private or extension parts).
 */
export function languageTag(input: string): string {
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(input.trim())[0];
  } catch {
    tag = undefined;
  }
  if (!tag || !/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/.test(tag)) throw new AppError("BAD_REQUEST", `"${input.slice(0, 20)}" is not a language code (such as en, fr or pt-BR).`, { field: "language" });
  return tag;
}

/** The tracks a player offers, by language name. */
export function captionTracks(videoId: string, rows: ReadonlyArray<{ language: string; file: string }>): CaptionTrack[] {
  return rows.map((row) => ({ language: row.language, label: names.of(row.language) ?? row.language, url: videoFileUrl(videoId, row.file) })).sort((a, b) => a.label.localeCompare(b.label));
}
