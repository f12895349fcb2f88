/**
 * The content type of a file from its first bytes (magic numbers), never from
 * the client's header or file name. Anything not recognised is
 * application/octet-stream, which the file route serves as a download.
 */
export const SNIFF_BYTES = 16;

type Signature = { type: string; ext: string; test: (head: Uint8Array) => boolean };

const ascii = (head: Uint8Array, offset: number, text: string) =>
  head.length >= offset + text.length && [...text].every((character, index) => head[offset + index] === character.charCodeAt(0));
const bytes = (head: Uint8Array, offset: number, values: number[]) =>
  head.length >= offset + values.length && values.every((value, index) => head[offset + index] === value);

const SIGNATURES: Signature[] = [
  { type: "image/png", ext: "png", test: (head) => bytes(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: "image/jpeg", ext: "jpg", test: (head) => bytes(head, 0, [0xff, 0xd8, 0xff]) },
  { type: "image/gif", ext: "gif", test: (head) => ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a") },
  { type: "image/webp", ext: "webp", test: (head) => ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP") },
  { type: "application/pdf", ext: "pdf", test: (head) => ascii(head, 0, "%PDF-") },
  { type: "application/zip", ext: "zip", test: (head) => bytes(head, 0, [0x50, 0x4b, 0x03, 0x04]) || bytes(head, 0, [0x50, 0x4b, 0x05, 0x06]) },
  { type: "video/quicktime", ext: "mov", test: (head) => ascii(head, 4, "ftypqt") },
  { type: "video/mp4", ext: "mp4", test: (head) => ascii(head, 4, "ftyp") },
  { type: "video/webm", ext: "webm", test: (head) => bytes(head, 0, [0x1a, 0x45, 0xdf, 0xa3]) },
  { type: "audio/mpeg", ext: "mp3", test: (head) => ascii(head, 0, "ID3") },
  { type: "audio/ogg", ext: "ogg", test: (head) => ascii(head, 0, "OggS") },
];

export type SniffedType = { contentType: string; ext: string };

export function sniffContentType(head: Uint8Array): SniffedType {
  const match = SIGNATURES.find((signature) => signature.test(head));
  return match ? { contentType: match.type, ext: match.ext } : { contentType: "application/octet-stream", ext: "bin" };
}

/** Types sharp can turn into a thumbnail. */
export function isThumbnailable(contentType: string): boolean {
  return contentType === "image/png" || contentType === "image/jpeg" || contentType === "image/gif" || contentType === "image/webp";
}
