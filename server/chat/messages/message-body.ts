import { AppError } from "@/server/errors";

export const MESSAGE_MAX_CHARACTERS = 4_000;
export const MESSAGE_MAX_BYTES = 16 * 1024;
/** Realtime envelopes carry at most this much of the body; clients fetch the rest. */
export const PREVIEW_MAX_BYTES = 1024;

// C0/C1 controls other than tab and newline never belong in a chat message (and could spoof search snippets).
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * The body as stored: control characters dropped, CRLF folded, trimmed, then
 * 1–4,000 characters (code points) and ≤ 16 KB of UTF-8. An empty body is
 * allowed only when the message carries attachments.
 */
export function messageBodyOrThrow(raw: string, { allowEmpty = false }: { allowEmpty?: boolean } = {}): string {
  const body = raw.replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "").trim();
  if (body.length === 0 && !allowEmpty) throw new AppError("BAD_REQUEST", "Write a message first.", { field: "body" });
  if (countCharacters(body) > MESSAGE_MAX_CHARACTERS) {
    throw new AppError("PAYLOAD_TOO_LARGE", `Messages can be at most ${MESSAGE_MAX_CHARACTERS.toLocaleString("en")} characters.`, { field: "body" });
  }
  if (Buffer.byteLength(body, "utf8") > MESSAGE_MAX_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", "This message is too large.", { field: "body" });
  }
  return body;
}

function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The first ≤ 1 KB of UTF-8 of `body`, cut on a code-point boundary. */
export function previewOf(body: string, maxBytes = PREVIEW_MAX_BYTES): { preview: string; truncated: boolean } {
  if (Buffer.byteLength(body, "utf8") <= maxBytes) return { preview: body, truncated: false };
  let bytes = 0;
  let preview = "";
  for (const character of body) {
    const size = Buffer.byteLength(character, "utf8");
    if (bytes + size > maxBytes) break;
    bytes += size;
    preview += character;
  }
  return { preview, truncated: true };
}

const MENTION = /(^|[^A-Za-z0-9_@])@([A-Za-z0-9_]{3,30})(?![A-Za-z0-9_])/g;

/** Lower-cased usernames mentioned as `@name` (usernames are 3–30 of a–z, 0–9, _). */
export function mentionedUsernames(body: string): string[] {
  const names = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    const name = match[2];
    if (name) names.add(name.toLowerCase());
  }
  return [...names];
}
