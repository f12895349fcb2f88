import { AppError, errorBody, toAppError } from "@/server/errors";
import { getSessionUser } from "@/server/platform/auth";
import { logger } from "@/server/platform/logger";
import { assertSafeKey, getObject, statObject, type ByteRange, type ObjectMetadata } from "@/server/platform/storage";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ key: string[] }> };

/**
 * Serves stored files: byte ranges for video seeking, validators for caches,
 * and the headers that stop an uploaded file from running as a page on our
 * origin (nosniff, attachment for all but images/video/PDF, SVG never inline,
 * a sandboxing CSP). Private files are served to their owner only.
 */
export function GET(request: Request, context: RouteContext): Promise<Response> {
  return serveMedia(request, context, true);
}

export function HEAD(request: Request, context: RouteContext): Promise<Response> {
  return serveMedia(request, context, false);
}

async function serveMedia(request: Request, { params }: RouteContext, withBody: boolean): Promise<Response> {
  try {
    const key = (await params).key.join("/");
    assertSafeKey(key);
    const metadata = await statObject(key);
    if (!metadata) throw new AppError("NOT_FOUND", "File not found.");
    await assertMayRead(request, metadata);

    const headers = baseHeaders(metadata);
    if (matchesEtag(request.headers.get("if-none-match"), metadata.etag)) {
      return new Response(null, { status: 304, headers });
    }

    const range = rangeApplies(request, metadata) ? parseRange(request.headers.get("range"), metadata.size) : "full";
    if (range === "unsatisfiable") {
      headers.set("Content-Range", `bytes */${metadata.size}`);
      headers.set("Content-Type", "application/json");
      return new Response(
        withBody ? JSON.stringify(errorBody(new AppError("BAD_REQUEST", "Requested range is not satisfiable."))) : null,
        { status: 416, headers },
      );
    }

    if (!withBody) {
      headers.set("Content-Length", String(range === "full" ? metadata.size : range.end - range.start + 1));
      if (range !== "full") headers.set("Content-Range", `bytes ${range.start}-${range.end}/${metadata.size}`);
      return new Response(null, { status: range === "full" ? 200 : 206, headers });
    }

    const object = await getObject(key, range === "full" ? {} : { range });
    if (object.range) {
      headers.set("Content-Range", `bytes ${object.range.start}-${object.range.end}/${object.size}`);
      headers.set("Content-Length", String(object.range.end - object.range.start + 1));
      return new Response(object.body, { status: 206, headers });
    }
    headers.set("Content-Length", String(object.size));
    return new Response(object.body, { status: 200, headers });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error({ err: error, url: request.url }, "media request failed");
    return Response.json(errorBody(appError), {
      status: appError.httpStatus,
      headers: { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
    });
  }
}

async function assertMayRead(request: Request, metadata: ObjectMetadata): Promise<void> {
  if (metadata.visibility === "public") return;
  const user = await getSessionUser(request.headers);
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to view this file.");
  if (metadata.ownerId === null || metadata.ownerId !== user.id) throw new AppError("FORBIDDEN", "You do not have access to this file.");
}

/** Types a browser may render in place. SVG is an image that can run script, so it never is. */
function isInlineType(contentType: string): boolean {
  const base = contentType.split(";")[0]?.trim() ?? "";
  if (base === "image/svg+xml") return false;
  return base.startsWith("image/") || base.startsWith("video/") || base === "application/pdf";
}

function baseHeaders(metadata: ObjectMetadata): Headers {
  const filename = metadata.key.slice(metadata.key.lastIndexOf("/") + 1);
  const headers = new Headers({
    "Content-Type": metadata.contentType,
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": `${isInlineType(metadata.contentType) ? "inline" : "attachment"}; filename="${filename}"`,
    "Accept-Ranges": "bytes",
    ETag: metadata.etag,
    "Last-Modified": new Date(metadata.createdAt).toUTCString(),
    "Cache-Control": metadata.visibility === "public" ? "public, max-age=3600" : "private, no-cache",
  });
  // A file opened directly must not run script or load anything; Chrome's PDF viewer does not work sandboxed.
  if (!metadata.contentType.startsWith("application/pdf")) {
    headers.set("Content-Security-Policy", "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
  }
  return headers;
}

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

/** `If-Range`: serve the range only if the client's copy is the current one; otherwise the whole file. */
function rangeApplies(request: Request, metadata: ObjectMetadata): boolean {
  const ifRange = request.headers.get("if-range");
  if (!ifRange) return true;
  if (ifRange.startsWith('"')) return ifRange === metadata.etag;
  const since = Date.parse(ifRange);
  return !Number.isNaN(since) && Math.floor(Date.parse(metadata.createdAt) / 1000) <= Math.floor(since / 1000);
}

/**
 * One `bytes=` range (`a-b`, `a-`, `-suffix`). Other units and multi-range
 * requests are ignored (the whole file, as RFC 9110 allows); a bytes range
 * that is malformed or lies outside the file is unsatisfiable (416).
 */
function parseRange(header: string | null, size: number): ByteRange | "full" | "unsatisfiable" {
  if (!header) return "full";
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!match) return "full";
  const spec = (match[1] ?? "").trim();
  if (spec.includes(",")) return "full";
  const parts = /^(\d*)\s*-\s*(\d*)$/.exec(spec);
  if (!parts) return "unsatisfiable";
  const [, first = "", last = ""] = parts;
  if (first === "" && last === "") return "unsatisfiable";
  if (size === 0) return "unsatisfiable";
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start >= size || end < start) return "unsatisfiable";
  return { start, end: Math.min(end, size - 1) };
}
