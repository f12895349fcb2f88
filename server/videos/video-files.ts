import { randomBytes } from "node:crypto";
import { STREAMING_CONTENT_TYPES } from "@/server/platform/serve-object";

/**
 * Where a video's files live in storage. Everything the transcoding job makes
 * is under `videos/<id>/hls/` (so a retry or a delete finds all of it by
 * prefix); the source is kept beside it and never served.
 *
 *   videos/<id>/source                    the upload as received
 *   videos/<id>/hls/master.m3u8           master playlist
 *   videos/<id>/hls/poster.jpg            poster frame
 *   videos/<id>/hls/thumb-<n>.jpg         candidate thumbnails (n = 1…THUMBNAIL_CANDIDATES)
 *   videos/<id>/hls/storyboard.jpg        seek previews: the sprite sheet (storyboard.ts)
 *   videos/<id>/hls/storyboard.vtt        …and its WebVTT index of tiles
 *   videos/<id>/thumbnails/custom-<hex>.webp   the owner's own picture (not the job's: outside hls/)
 *   videos/<id>/captions/captions-<language>-<hex>.vtt   the owner's captions, one file per language
 *   videos/<id>/hls/<p>p/index.m3u8       a rendition's media playlist
 *   videos/<id>/hls/<p>p/init-<p>p.mp4    its fragmented-MP4 initialisation segment
 *   videos/<id>/hls/<p>p/seg-00000.m4s    its fragmented-MP4 media segments
 *   videos/<id>/hls/<p>p/seg-00000.ts     …or MPEG-TS segments (.ts), in videos transcoded before the ladder moved to fragmented MP4
 */
export function videoPrefix(videoId: string): string {
  return `videos/${videoId}/`;
}

export function sourceKey(videoId: string): string {
  return `videos/${videoId}/source`;
}

export function outputPrefix(videoId: string): string {
  return `videos/${videoId}/hls/`;
}

export const MASTER_PLAYLIST = "master.m3u8";
export const POSTER = "poster.jpg";
export const STORYBOARD_IMAGE = "storyboard.jpg";
export const STORYBOARD_INDEX = "storyboard.vtt";
export const MEDIA_PLAYLIST = "index.m3u8";
export const SEGMENT_PATTERN = "seg-%05d.m4s";
/** The name SEGMENT_PATTERN gives the segment at `index` (from 0). */
export function segmentFileName(index: number): string {
  return `seg-${String(index).padStart(5, "0")}.m4s`;
}
/** ffmpeg's name for each rendition's initialisation segment (`%v`: the rendition's name). */
export const INIT_PATTERN = "init-%v.mp4";
export function initFileName(rendition: string): string {
  return INIT_PATTERN.replace("%v", rendition);
}
/** Frames the transcoding job offers as thumbnails besides the poster. */
export const THUMBNAIL_CANDIDATES = 3;

export function candidateThumbnail(index: number): string {
  return `thumb-${index}.jpg`;
}

/** A new name per uploaded picture, so a cached copy of the previous one is never shown in its place. */
export function customThumbnailName(): string {
  return `custom-${randomBytes(8).toString("hex")}.webp`;
}

export function customThumbnailKey(videoId: string, name: string): string {
  return `videos/${videoId}/thumbnails/${name}`;
}

/** A new name per upload of a language's captions, as for pictures. */
export function captionFileName(language: string): string {
  return `captions-${language.toLowerCase()}-${randomBytes(8).toString("hex")}.vtt`;
}

export function captionsKey(videoId: string, name: string): string {
  return `videos/${videoId}/captions/${name}`;
}

const TOP_FILE = /^(master\.m3u8|poster\.jpg|thumb-[1-9]\.jpg|storyboard\.(jpg|vtt))$/;
const CUSTOM_THUMBNAIL = /^custom-[0-9a-f]{16}\.webp$/;
const CAPTIONS = /^captions-[a-z0-9-]{2,16}-[0-9a-f]{16}\.vtt$/;
const RENDITION = /^\d{3,4}p$/;
const RENDITION_FILE = /^(index\.m3u8|init-\d{3,4}p\.mp4|seg-\d{5}\.(m4s|ts))$/;

/**
 * The storage key of a served file, or null for anything that is not one of
 * the names above: the only paths the file route accepts (no traversal, no source).
 */
export function servedFileKey(videoId: string, parts: readonly string[]): string | null {
  const [first, second] = parts;
  if (parts.length === 1 && first && TOP_FILE.test(first)) return `${outputPrefix(videoId)}${first}`;
  if (parts.length === 1 && first && CUSTOM_THUMBNAIL.test(first)) return customThumbnailKey(videoId, first);
  if (parts.length === 1 && first && CAPTIONS.test(first)) return captionsKey(videoId, first);
  if (parts.length === 2 && first && second && RENDITION.test(first) && RENDITION_FILE.test(second)) return `${outputPrefix(videoId)}${first}/${second}`;
  return null;
}

export function contentTypeOf(fileName: string): string {
  if (fileName.endsWith(".m3u8")) return STREAMING_CONTENT_TYPES.playlist;
  if (fileName.endsWith(".m4s")) return STREAMING_CONTENT_TYPES.fragmentedMp4Segment;
  if (fileName.endsWith(".mp4")) return STREAMING_CONTENT_TYPES.mp4;
  if (fileName.endsWith(".ts")) return STREAMING_CONTENT_TYPES.transportStreamSegment;
  if (fileName.endsWith(".jpg")) return "image/jpeg";
  if (fileName.endsWith(".webp")) return "image/webp";
  if (fileName.endsWith(".vtt")) return "text/vtt";
  return "application/octet-stream";
}

/** Media a rendition plays (its initialisation and media segments), as opposed to its playlist: never changes once stored. */
export function isSegment(fileName: string): boolean {
  return /\.(m4s|mp4|ts)$/.test(fileName);
}

/** Public URLs of a video's files (served by serve-video-file.ts). */
export function videoFileUrl(videoId: string, file: string): string {
  return `/api/videos/${videoId}/hls/${file}`;
}
