/**
 * What a post's text may be and how it reads, shared by the compose box and
 * the server (browser-safe: no imports). Length counts what a person sees: a
 * grapheme (an emoji, a flag, "é" in either normalization) is one, and every
 * link counts as LINK_LENGTH whatever its length, like Twitter's t.co.
 */
export const POST_MAX_LENGTH = 280;
export const LINK_LENGTH = 23;
/** A profile's bio, plain text like a post (server/feed/graph/update-bio.ts). */
export const BIO_MAX_LENGTH = 160;

// Links: http(s) URLs, or bare domains with a common top-level domain, up to whitespace.
const LINK = /\bhttps?:\/\/[^\s<>"]+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|dev|io|app|co|uk|de|fr|edu|gov)(?:\/[^\s<>"]*)?/gi;
const HASHTAG = /(^|[^\p{L}\p{N}_&#])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;
const MENTION = /(^|[^\p{L}\p{N}_@])@([a-z0-9_]{3,30})\b/giu;
// Punctuation that ends a sentence is not part of the link before it.
const TRAILING = /[.,!?;:)\]}'"]+$/;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/** The length the 280 limit applies to: graphemes, with each link as LINK_LENGTH. */
export function postLength(text: string): number {
  const normalized = text.normalize("NFC");
  let length = 0;
  let last = 0;
  for (const link of findLinks(normalized)) {
    length += countGraphemes(normalized.slice(last, link.start)) + LINK_LENGTH;
    last = link.end;
  }
  return length + countGraphemes(normalized.slice(last));
}

export type TextPart =
  | { kind: "text"; text: string }
  | { kind: "link"; text: string; href: string }
  | { kind: "hashtag"; text: string; tag: string }
  | { kind: "mention"; text: string; username: string };

/** Splits text into plain runs, links, #hashtags and @mentions; the renderer makes elements, never HTML. */
export function parsePostText(text: string): TextPart[] {
  const found: Array<{ start: number; end: number; part: TextPart }> = [];
  for (const link of findLinks(text)) {
    const raw = text.slice(link.start, link.end);
    found.push({ start: link.start, end: link.end, part: { kind: "link", text: raw, href: /^https?:\/\//i.test(raw) ? raw : `https://${raw}` } });
  }
  const outsideLinks = (start: number, end: number) => !found.some((other) => start < other.end && end > other.start);
  for (const match of text.matchAll(HASHTAG)) {
    const start = (match.index ?? 0) + (match[1]?.length ?? 0);
    const tag = match[2] ?? "";
    const end = start + 1 + tag.length;
    if (outsideLinks(start, end)) found.push({ start, end, part: { kind: "hashtag", text: `#${tag}`, tag: tag.toLowerCase() } });
  }
  for (const match of text.matchAll(MENTION)) {
    const start = (match.index ?? 0) + (match[1]?.length ?? 0);
    const username = match[2] ?? "";
    const end = start + 1 + username.length;
    if (outsideLinks(start, end)) found.push({ start, end, part: { kind: "mention", text: `@${username}`, username: username.toLowerCase() } });
  }
  found.sort((a, b) => a.start - b.start);
  const parts: TextPart[] = [];
  let last = 0;
  for (const { start, end, part } of found) {
    if (start < last) continue;
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    parts.push(part);
    last = end;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/** The usernames a text mentions, lower-case, each once. */
export function mentionedUsernames(text: string): string[] {
  return [...new Set(parsePostText(text).flatMap((part) => (part.kind === "mention" ? [part.username] : [])))];
}

/** The hashtags of a text, lower-case, each once (what tag pages and trending index). */
export function hashtags(text: string): string[] {
  return [...new Set(parsePostText(text).flatMap((part) => (part.kind === "hashtag" ? [part.tag] : [])))];
}

function findLinks(text: string): Array<{ start: number; end: number }> {
  const links: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(LINK)) {
    const start = match.index ?? 0;
    const trimmed = match[0].replace(TRAILING, "");
    // An "@" right before a domain makes it an email address, not a link.
    if (trimmed.length === 0 || text[start - 1] === "@") continue;
    links.push({ start, end: start + trimmed.length });
  }
  return links;
}
