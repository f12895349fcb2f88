import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { errorAnswer, type Answer } from "./answer";
import type { WebRequest } from "./request";

/**
 * GET /_next/static/<folder>/<file>: Next's build output (the page scripts,
 * styles, fonts), answered by the self-hosted web process before Next.
 * Through Next, every request for a script was forwarded to its process and
 * gzipped afresh (≈ 20 ms of CPU for hls.js's chunk, per request), while the
 * watch page's first frame waits for its last script. Here each file is
 * read and compressed once, on its first request (brotli or gzip, as the
 * browser accepts), and kept in memory: the folder holds a few MB and never
 * changes under a running process (a new build means a new process).
 *
 * The names carry a content hash (or the build id as folder), so answers are
 * cached for a year, immutable; ETag/If-None-Match still spare a re-download
 * after a forced reload. Development builds change under the same names: there
 * Next serves them. Deeper paths (a webpack build's chunks/app/...) do not
 * match the route's pattern and go to Next as well. Vercel serves static
 * files itself and never runs this.
 */
export async function nextStaticFileRoute(request: WebRequest): Promise<Answer> {
  if (env.NODE_ENV === "development") return { status: 404, yieldToNext: true };
  const { folder = "", file = "" } = request.params;
  if (!SAFE_NAME.test(folder) || !SAFE_NAME.test(file)) return notFound(request.path);
  const found = await loadFile(`${folder}/${file}`);
  if (!found) return notFound(request.path);

  const encoding = found.compressible ? preferredEncoding(request.header("accept-encoding")) : null;
  const body = encoding ? await found.compressed(encoding) : found.bytes;
  // A compressed copy no smaller than the file (the tiniest chunks) is not worth the client's decoding.
  const coding = encoding && body.byteLength < found.bytes.byteLength ? encoding : null;
  const etag = coding ? `"${found.hash}-${coding === "br" ? "br" : "gz"}"` : `"${found.hash}"`;
  const headers: Record<string, string> = { "Content-Type": found.type, "Cache-Control": IMMUTABLE, ETag: etag };
  if (found.compressible) headers.Vary = "Accept-Encoding";
  if (matchesEtag(request.header("if-none-match"), etag)) return { status: 304, headers };
  if (coding) headers["Content-Encoding"] = coding;
  return { status: 200, headers, body: coding ? body : found.bytes };
}

const IMMUTABLE = "public, max-age=31536000, immutable";
/** A file or folder name of Next's output: no separators, no "." or "..", nothing hidden. */
const SAFE_NAME = /^[\w-][\w.-]*$/;
const ROOT = path.resolve(env.NEXT_DIST_DIR, "static");

/** Content types by extension; the text ones are compressed. Anything else is sent as bytes, uncompressed. */
const TYPES: Record<string, { type: string; compressible: boolean }> = {
  ".js": { type: "application/javascript; charset=utf-8", compressible: true },
  ".mjs": { type: "application/javascript; charset=utf-8", compressible: true },
  ".css": { type: "text/css; charset=utf-8", compressible: true },
  ".json": { type: "application/json", compressible: true },
  ".map": { type: "application/json", compressible: true },
  ".txt": { type: "text/plain; charset=utf-8", compressible: true },
  ".svg": { type: "image/svg+xml", compressible: true },
  ".woff2": { type: "font/woff2", compressible: false },
  ".woff": { type: "font/woff", compressible: false },
  ".ttf": { type: "font/ttf", compressible: true },
  ".png": { type: "image/png", compressible: false },
  ".jpg": { type: "image/jpeg", compressible: false },
  ".jpeg": { type: "image/jpeg", compressible: false },
  ".gif": { type: "image/gif", compressible: false },
  ".webp": { type: "image/webp", compressible: false },
  ".avif": { type: "image/avif", compressible: false },
  ".ico": { type: "image/x-icon", compressible: false },
  ".wasm": { type: "application/wasm", compressible: true },
};
const OTHER = { type: "application/octet-stream", compressible: false };

type Encoding = "br" | "gzip";
type StaticFile = { bytes: Buffer; hash: string; type: string; compressible: boolean; compressed: (encoding: Encoding) => Promise<Buffer> };

/** Files found so far, by "<folder>/<file>"; a miss is not kept (a stranger's made-up names must not fill memory). */
const files = new Map<string, Promise<StaticFile | null>>();

function loadFile(name: string): Promise<StaticFile | null> {
  let loading = files.get(name);
  if (!loading) {
    loading = readStaticFile(name);
    files.set(name, loading);
    // A miss or a read error is forgotten: the next request looks again.
    loading.then(
      (found) => found ?? files.delete(name),
      () => files.delete(name),
    );
  }
  return loading;
}

async function readStaticFile(name: string): Promise<StaticFile | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path.join(ROOT, name));
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  const { type, compressible } = TYPES[path.extname(name).toLowerCase()] ?? OTHER;
  const copies = new Map<Encoding, Promise<Buffer>>();
  const compressed = (encoding: Encoding) => {
    let copy = copies.get(encoding);
    if (!copy) {
      copy = encoding === "br" ? brotli(bytes, BROTLI_OPTIONS(bytes.byteLength)) : gzip(bytes, { level: 6 });
      copies.set(encoding, copy);
    }
    return copy;
  };
  return { bytes, hash: createHash("sha256").update(bytes).digest("base64url").slice(0, 22), type, compressible, compressed };
}

// Async: the compression runs on libuv's thread pool, not on the event loop other requests wait on.
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
/**
 * Quality 5, not 11: measured on the 1.86 MB chunk, 41 ms and 465 KB against
 * 4.7 s and 405 KB; 9 took 160 ms for 447 KB. The first visitor after a
 * restart waits for it, so the seconds of quality 11 are not worth 13 %.
 */
const BROTLI_OPTIONS = (size: number): zlib.BrotliOptions => ({
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size },
});

/** brotli where the browser takes it, else gzip, else none; `q=0` refuses a coding. */
function preferredEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Set<string>();
  for (const entry of acceptEncoding.split(",")) {
    const [coding = "", ...parameters] = entry.split(";").map((part) => part.trim().toLowerCase());
    const refused = parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter));
    if (coding && !refused) accepted.add(coding);
  }
  if (accepted.has("br")) return "br";
  return accepted.has("gzip") || accepted.has("*") ? "gzip" : null;
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR" || code === "ENAMETOOLONG";
}

function notFound(requestPath: string): Answer {
  return errorAnswer(new AppError("NOT_FOUND", "There is no such file."), requestPath);
}
