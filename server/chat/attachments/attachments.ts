import { randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/server/errors";
import type { ObjectStore } from "@/server/platform/storage";

/**
 * Chat files live under `chat/<conversationId>/<uploaderId>/<fileId>.<ext>`,
 * with an image's thumbnail next to it as `<fileId>.thumb.webp`. The key
 * names the conversation, so the file route (app/api/chat/files) can check
 * membership from the key alone; the uploader segment lets a send prove the
 * sender uploaded the file for this very conversation.
 */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;
export const CHAT_FILES_PATH = "/api/chat/files/";

/** One attachment as stored in `Message.attachments` and returned to clients (plus its URLs). */
export type ChatAttachment = {
  key: string;
  /** The uploader's file name, for display and downloads. */
  name: string;
  size: number;
  /** Sniffed from the bytes at upload, never taken from the client. */
  contentType: string;
  thumbKey?: string;
  /** Pixel size of the original image (after EXIF rotation). */
  width?: number;
  height?: number;
  /** Where to GET the file (members only). */
  url: string;
  thumbUrl?: string;
};

/** What a client passes to `chat.send`: the descriptor `POST /api/chat/attachments` returned. */
export const AttachmentInput = z.object({
  key: z.string().min(1).max(512),
  name: z.string().trim().min(1).max(255),
  thumbKey: z.string().min(1).max(512).optional(),
  width: z.number().int().positive().max(100_000).optional(),
  height: z.number().int().positive().max(100_000).optional(),
});
export type AttachmentInput = z.infer<typeof AttachmentInput>;

const FILE_KEY = /^chat\/([A-Za-z0-9-]{1,64})\/([A-Za-z0-9_-]{1,64})\/([A-Za-z0-9_-]{8,64})\.([a-z0-9]{1,8})$/;

export function attachmentKeyPrefix(conversationId: string, uploaderId: string): string {
  return `chat/${conversationId}/${uploaderId}/`;
}

/**
 * A fresh key for an uploaded file. The name is hex, not base64url: a key
 * segment must start with a letter or digit (storage.ts), and one base64url
 * name in 32 starts with "-" or "_", which used to fail that upload.
 */
export function newAttachmentKey(conversationId: string, uploaderId: string, ext: string): string {
  return `${attachmentKeyPrefix(conversationId, uploaderId)}${randomBytes(12).toString("hex")}.${ext}`;
}

export function thumbKeyFor(key: string): string {
  return `${key.slice(0, key.lastIndexOf("."))}.thumb.webp`;
}

/** The conversation a chat file key belongs to, or null for keys outside chat/. */
export function conversationIdOfKey(key: string): string | null {
  const thumb = /^(.*)\.thumb\.webp$/.exec(key);
  const match = FILE_KEY.exec(thumb ? `${thumb[1]}.webp` : key);
  return match?.[1] ?? null;
}

export function fileUrl(key: string): string {
  return `${CHAT_FILES_PATH}${key}`;
}

/**
 * Turns what the client sent into stored attachments: every key must be a
 * file this sender uploaded for this conversation, and size and type come
 * from storage, so a client cannot relabel an upload.
 */
export async function verifyAttachments({
  storage,
  conversationId,
  senderId,
  items,
}: {
  storage: Pick<ObjectStore, "statObject">;
  conversationId: string;
  senderId: string;
  items: AttachmentInput[];
}): Promise<ChatAttachment[]> {
  if (items.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    throw new AppError("BAD_REQUEST", `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per message.`, { field: "attachments" });
  }
  const prefix = attachmentKeyPrefix(conversationId, senderId);
  return Promise.all(
    items.map(async (item) => {
      if (!item.key.startsWith(prefix) || !FILE_KEY.test(item.key) || item.key.endsWith(".thumb.webp")) throw unknownFile();
      const metadata = await storage.statObject(item.key);
      if (!metadata || metadata.ownerId !== senderId) throw unknownFile();
      const attachment: ChatAttachment = {
        key: item.key,
        name: item.name,
        size: metadata.size,
        contentType: metadata.contentType,
        url: fileUrl(item.key),
      };
      if (item.thumbKey !== undefined) {
        if (item.thumbKey !== thumbKeyFor(item.key) || !(await storage.statObject(item.thumbKey))) throw unknownFile();
        attachment.thumbKey = item.thumbKey;
        attachment.thumbUrl = fileUrl(item.thumbKey);
      }
      if (item.width !== undefined && item.height !== undefined) {
        attachment.width = item.width;
        attachment.height = item.height;
      }
      return attachment;
    }),
  );
}

const StoredAttachment = z.object({
  key: z.string(),
  name: z.string(),
  size: z.number(),
  contentType: z.string(),
  thumbKey: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
});

/** Reads `Message.attachments` back; URLs are derived, not stored, so the route can move. */
export function parseStoredAttachments(json: unknown): ChatAttachment[] {
  const parsed = z.array(StoredAttachment).safeParse(json);
  if (!parsed.success) return [];
  return parsed.data.map((item) => ({
    ...item,
    url: fileUrl(item.key),
    ...(item.thumbKey ? { thumbUrl: fileUrl(item.thumbKey) } : {}),
  }));
}

/** What a message row keeps of an attachment: the URLs are derived from the key when read. */
export type StoredAttachment = Omit<ChatAttachment, "url" | "thumbUrl">;

/** The JSON stored for attachments: URLs left out. */
export function toStoredAttachments(attachments: ChatAttachment[]): StoredAttachment[] {
  return attachments.map(({ url: _url, thumbUrl: _thumbUrl, ...stored }) => stored);
}

function unknownFile(): AppError {
  return new AppError("BAD_REQUEST", "An attached file was not uploaded to this conversation. Upload it again.", { field: "attachments" });
}
