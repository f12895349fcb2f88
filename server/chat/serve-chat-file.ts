import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { assertSafeKey, type ByteRange, type ObjectStore } from "@/server/platform/storage";
import { conversationIdOfKey } from "./attachments";
import { isConversationMember } from "./is-conversation-member";

/**
 * A chat file for a member of its conversation (the key names it), with the
 * same safety headers as the media route: nosniff, a sandboxing CSP, inline
 * only for raster images, video, audio and PDF (never SVG), private caching.
 * Supports one `bytes=` Range so videos seek. Non-members get FORBIDDEN.
 */
export async function serveChatFile({
  db,
  storage,
  userId,
  key,
  request,
  withBody,
}: {
  db: Db;
  storage: Pick<ObjectStore, "statObject" | "getObject">;
  userId: string;
  key: string;
  request: Request;
  withBody: boolean;
}): Promise<Response> {
  assertSafeKey(key);
  const conversationId = conversationIdOfKey(key);
  if (!conversationId) throw new AppError("NOT_FOUND", "File not found.");
  if (!(await isConversationMember({ db, conversationId, userId }))) throw new AppError("FORBIDDEN", "You do not have access to this file.");
  const metadata = await storage.statObject(key);
  if (!metadata) throw new AppError("NOT_FOUND", "File not found.");

  const url = new URL(request.url);
  const download = url.searchParams.get("download") === "1" || !isInlineType(metadata.contentType);
  const name = (url.searchParams.get("name") ?? key.slice(key.lastIndexOf("/") + 1)).replace(/[^\w.() -]/g, "_").slice(0, 200) || "file";
  const headers = new Headers({
    "Content-Type": metadata.contentType,
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${name}"`,
    "Accept-Ranges": "bytes",
    ETag: metadata.etag,
    "Cache-Control": "private, max-age=3600",
  });
  if (metadata.contentType !== "application/pdf") {
    headers.set("Content-Security-Policy", "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
  }
  if (request.headers.get("if-none-match") === metadata.etag) return new Response(null, { status: 304, headers });

  const range = parseRange(request.headers.get("range"), metadata.size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${metadata.size}`);
    return new Response(null, { status: 416, headers });
  }
  const length = range ? range.end - range.start + 1 : metadata.size;
  headers.set("Content-Length", String(length));
  if (range) headers.set("Content-Range", `bytes ${range.start}-${range.end}/${metadata.size}`);
  const status = range ? 206 : 200;
  if (!withBody) return new Response(null, { status, headers });
  const object = await storage.getObject(key, range ? { range } : {});
  return new Response(object.body, { status, headers });
}

function isInlineType(contentType: string): boolean {
  return (
    ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"].includes(contentType) ||
    contentType.startsWith("video/") ||
    contentType.startsWith("audio/")
  );
}

function parseRange(header: string | null, size: number): ByteRange | null | "unsatisfiable" {
  if (!header) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if ((first === "" && last === "") || size === 0) return "unsatisfiable";
  if (first === "") {
    const suffix = Number(last);
    return suffix === 0 ? "unsatisfiable" : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return start >= size || end < start ? "unsatisfiable" : { start, end };
}
