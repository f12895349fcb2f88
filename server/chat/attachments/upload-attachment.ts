import sharp from "sharp";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { ObjectStore } from "@/server/platform/storage";
import { fileUrl, newAttachmentKey, thumbKeyFor, type ChatAttachment } from "./attachments";
import { chatLog } from "../publish-chat-events";
import { getMembershipOrThrow } from "../conversations/get-membership-or-throw";
import { isThumbnailable, sniffContentType } from "./sniff-content-type";

export const THUMBNAIL_MAX_SIDE = 320;

/**
 * Stores one chat file for a conversation the uploader is in, private to the
 * uploader in storage terms; conversation members read it through
 * app/api/chat/files, which checks membership from the key. The type is
 * sniffed from the bytes; images also get a WebP thumbnail (EXIF rotation
 * applied, metadata stripped) and their pixel size. An image sharp cannot
 * decode is kept as a plain file without a thumbnail.
 * The answer is what `chat.send` takes in `attachments`.
 */
export async function uploadAttachment({
  db,
  storage,
  uploaderId,
  conversationId,
  fileName,
  bytes,
}: {
  db: Db;
  storage: Pick<ObjectStore, "putObject">;
  uploaderId: string;
  conversationId: string;
  fileName: string;
  bytes: Buffer;
}): Promise<ChatAttachment> {
  await getMembershipOrThrow({ db, conversationId, userId: uploaderId });
  if (bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "The file is empty.", { field: "file" });
  if (bytes.byteLength > env.CHAT_ATTACHMENT_MAX_BYTES) throw attachmentTooLarge();

  const sniffed = sniffContentType(bytes.subarray(0, 16));
  const key = newAttachmentKey(conversationId, uploaderId, sniffed.ext);
  const thumbnail = isThumbnailable(sniffed.contentType) ? await makeThumbnail(bytes) : null;

  const stored = await storage.putObject(key, bytes, { contentType: sniffed.contentType, ownerId: uploaderId, visibility: "private", maxBytes: env.CHAT_ATTACHMENT_MAX_BYTES });
  const attachment: ChatAttachment = { key, name: cleanFileName(fileName, sniffed.ext), size: stored.size, contentType: sniffed.contentType, url: fileUrl(key) };
  if (thumbnail) {
    const thumbKey = thumbKeyFor(key);
    await storage.putObject(thumbKey, thumbnail.webp, { contentType: "image/webp", ownerId: uploaderId, visibility: "private" });
    Object.assign(attachment, { thumbKey, thumbUrl: fileUrl(thumbKey), width: thumbnail.width, height: thumbnail.height });
  }
  return attachment;
}

export function attachmentTooLarge(): AppError {
  const megabytes = Math.round((env.CHAT_ATTACHMENT_MAX_BYTES / (1024 * 1024)) * 10) / 10;
  return new AppError("PAYLOAD_TOO_LARGE", `Files can be at most ${megabytes} MB.`, { field: "file", maxBytes: env.CHAT_ATTACHMENT_MAX_BYTES });
}

async function makeThumbnail(bytes: Buffer): Promise<{ webp: Buffer; width: number; height: number } | null> {
  try {
    // Bounded decode: a tiny file can still claim enormous dimensions.
    const image = sharp(bytes, { limitInputPixels: 100_000_000, failOn: "error" });
    const metadata = await image.metadata();
    if (!metadata.width || !metadata.height) return null;
    const rotated = (metadata.orientation ?? 1) >= 5;
    const webp = await image
      .rotate()
      .resize(THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 78 })
      .toBuffer();
    return { webp, width: rotated ? metadata.height : metadata.width, height: rotated ? metadata.width : metadata.height };
  } catch (error) {
    chatLog.info({ err: error instanceof Error ? error.message : String(error) }, "image could not be thumbnailed; kept as a file");
    return null;
  }
}

/** A display name: no path, no control characters, ≤ 200 characters; falls back to "file.<ext>". */
function cleanFileName(raw: string, ext: string): string {
  const base = raw.split(/[\\/]/).pop()?.replace(/[\u0000-\u001F\u007F"]/g, "").trim() ?? "";
  return (base || `file.${ext}`).slice(0, 200);
}
