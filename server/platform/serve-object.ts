import "server-only";
import { AppError, errorBody, toAppError } from "@/server/errors";
import { logger } from "./logger";
import { assertSafeKey, type ByteRange, type ObjectMetadata, type ObjectStore } from "./storage";

/**
 * Serves every stored file (avatars, product pictures, chat files, video
 * playlists and segments) under one policy, so no route decides these again:
 *
 * - Authorization: the caller's `authorize` sees the object's metadata and
 *   throws an AppError to refuse; it runs before any byte or header of the file.
 * - Range: one `bytes=` range (206); a malformed or out-of-file bytes range is
 *   416 with the size; other units and multi-range requests get the whole file,
 *   as RFC 9110 allows. `If-Range` keeps the range only for the current version.
 * - Validators: a strong ETag (content hash) and Last-Modified; `If-None-Match` → 304.
 * - Caching: public objects whose key never names other bytes are cached for a
 *   year (immutable); other public objects revalidate; authorized (private)
 *   objects are `private, no-cache`, so every reuse asks again and a reader who
 *   lost access stops getting them.
 * - Rendering: nosniff always; images (never SVG, which can carry script), video
 *   and PDF are shown in place, everything else is an attachment. A file opened
 *   directly runs no script and loads nothing (`default-src 'none'`, `sandbox`);
 *   a PDF is sandboxed too, with scripts allowed only inside the sandbox's opaque
 *   origin because browsers' PDF viewers need them (see PDF_POLICY).
 *
 * Every answer, errors included, is a Response: callers return it as is.
 */
export type ServeObjectOptions = {
  request: Request;
  key: string;
  store: Pick<ObjectStore, "statObject" | "getObject">;
  /** Throws an AppError (UNAUTHORIZED, FORBIDDEN, NOT_FOUND) to refuse this reader. */
  authorize: (object: ObjectMetadata) => void | Promise<void>;
  /** The name offered to the browser; default: the key's last segment. */
  fileName?: string;
  /** Offer the file as a download even when it could be shown in place. */
  download?: boolean;
  /**
   * The caller's caching policy when the object's own visibility does not
   * decide it: video files are stored private to their owner while who may
   * watch lives with the video (public segments are cached for a year,
   * playlists briefly).
   */
  cacheControl?: string;
};

/**
 * What the coming video files are stored as: an HLS playlist is text a player
 * fetches (an attachment if opened directly), its segments are video shown in
 * place and fetched by range.
 */
export const STREAMING_CONTENT_TYPES = {
  playlist: "application/vnd.apple.mpegurl",
  transportStreamSegment: "video/mp2t",
  fragmentedMp4Segment: "video/iso.segment",
  mp4: "video/mp4",
} as const;

/** The object itself is the whole document: nothing else may load, no script runs, nothing may frame it. */
const FILE_POLICY = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";
/**
 * Browsers' PDF viewers are built from script: Safari refuses to render a PDF in
 * a sandbox without `allow-scripts`. Those scripts still run in an opaque origin
 * (no `allow-same-origin`): no cookies, no storage, no requests as this site.
 */
const PDF_POLICY = "frame-ancestors 'none'; sandbox allow-scripts allow-downloads";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export async function serveObject(options: ServeObjectOptions): Promise<Response> {
  const { request } = options;
  try {
    return await answer(options);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error({ err: error, url: request.url }, "file request failed");
    return Response.json(errorBody(appError), {
      status: appError.httpStatus,
      headers: { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
    });
  }
}

async function answer({ request, key, store, authorize, fileName, download = false, cacheControl }: ServeObjectOptions): Promise<Response> {
  assertSafeKey(key);
  const metadata = await store.statObject(key);
  if (!metadata) throw new AppError("NOT_FOUND", "File not found.");
  await authorize(metadata);

  const headers = fileHeaders(metadata, { fileName: fileName ?? key.slice(key.lastIndexOf("/") + 1), download });
  if (cacheControl) headers.set("Cache-Control", cacheControl);
  if (matchesEtag(request.headers.get("if-none-match"), metadata.etag)) return new Response(null, { status: 304, headers });

  const withBody = request.method !== "HEAD";
  const range = rangeApplies(request.headers.get("if-range"), metadata) ? parseRange(request.headers.get("range"), metadata.size) : "whole";
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${metadata.size}`);
    headers.set("Content-Type", "application/json");
    headers.delete("Content-Disposition");
    const body = withBody ? JSON.stringify(errorBody(new AppError("BAD_REQUEST", "Requested range is not satisfiable."))) : null;
    return new Response(body, { status: 416, headers });
  }

  const span = range === "whole" ? null : range;
  const status = span ? 206 : 200;
  if (!withBody) {
    headers.set("Content-Length", String(span ? span.end - span.start + 1 : metadata.size));
    if (span) headers.set("Content-Range", `bytes ${span.start}-${span.end}/${metadata.size}`);
    return new Response(null, { status, headers });
  }
  // Lengths come from the opened file, not the earlier stat, so they cannot lie if the object changed in between.
  const object = await store.getObject(key, span ? { range: span } : {});
  if (object.range) {
    headers.set("Content-Range", `bytes ${object.range.start}-${object.range.end}/${object.size}`);
    headers.set("Content-Length", String(object.range.end - object.range.start + 1));
  } else {
    headers.set("Content-Length", String(object.size));
  }
  return new Response(object.body, { status, headers });
}

/** Image (not SVG), video or PDF: the only types a browser may render in place from our origin. */
export function isInlineType(contentType: string): boolean {
  const base = baseType(contentType);
  if (base === "image/svg+xml") return false;
  return base.startsWith("image/") || base.startsWith("video/") || base === "application/pdf";
}

function fileHeaders(metadata: ObjectMetadata, { fileName, download }: { fileName: string; download: boolean }): Headers {
  const inline = !download && isInlineType(metadata.contentType);
  return new Headers({
    "Content-Type": metadata.contentType,
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", fileName),
    "Content-Security-Policy": baseType(metadata.contentType) === "application/pdf" ? PDF_POLICY : FILE_POLICY,
    "Accept-Ranges": "bytes",
    ETag: metadata.etag,
    "Last-Modified": new Date(metadata.createdAt).toUTCString(),
    "Cache-Control": cacheControl(metadata),
  });
}

function cacheControl(metadata: ObjectMetadata): string {
  if (metadata.visibility === "private") return "private, no-cache";
  return metadata.immutable ? `public, max-age=${ONE_YEAR_SECONDS}, immutable` : "public, no-cache";
}

/** An ASCII `filename` for old clients and the exact name as RFC 8187 `filename*`; quotes, controls and separators cannot break out. */
function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const clean = fileName.replace(/[\u0000-\u001f\u007f"\\/]/g, "").trim().slice(0, 200) || "file";
  const ascii = clean.replace(/[^\x20-\x7e]/g, "_");
  if (ascii === clean) return `${type}; filename="${ascii}"`;
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function baseType(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase();
}

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  // Weak comparison, as RFC 9110 asks for If-None-Match.
  return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

/** `If-Range`: the range holds only if the client's copy is the current one (strong ETag or exact date); otherwise the whole file. */
function rangeApplies(ifRange: string | null, metadata: ObjectMetadata): boolean {
  if (!ifRange) return true;
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith("W/")) return value === metadata.etag;
  const since = Date.parse(value);
  return !Number.isNaN(since) && Math.floor(Date.parse(metadata.createdAt) / 1000) <= Math.floor(since / 1000);
}

/** One `bytes=` range (`a-b`, `a-`, `-suffix`), clamped to the file; see the policy above for the rest. */
function parseRange(header: string | null, size: number): ByteRange | "whole" | "unsatisfiable" {
  if (!header) return "whole";
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!match) return "whole";
  const spec = (match[1] ?? "").trim();
  if (spec.includes(",")) return "whole";
  const parts = /^(\d*)\s*-\s*(\d*)$/.exec(spec);
  if (!parts) return "unsatisfiable";
  const [, first = "", last = ""] = parts;
  if ((first === "" && last === "") || size === 0) return "unsatisfiable";
  if (first === "") {
    const suffix = Number(last);
    return suffix === 0 ? "unsatisfiable" : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start >= size || end < start) return "unsatisfiable";
  return { start, end: Math.min(end, size - 1) };
}
