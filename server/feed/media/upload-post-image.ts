import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { toWebp } from "@/server/platform/images";
import { mediaUrl, type ObjectStore } from "@/server/platform/storage";
import { limitFeedAction } from "@/server/feed/feed-limits";
import { PENDING_IMAGES_MAX, POST_IMAGE_MAX_SIDE } from "./post-image-limits";
import { removeUnpostedImages } from "./remove-unposted-images";

export type UploadedPostImage = { id: string; url: string; width: number; height: number };

/**
 * Stores a picture for a post not written yet: the bytes are decoded and
 * re-encoded as WebP (so the type is the decoder's verdict, never the
 * browser's claim), then kept under an unguessable public key. The post takes
 * it by id (create-post.ts). Pictures of the uploader's left unposted for a
 * day go first (the hourly sweep removes everyone else's), and at most
 * PENDING_IMAGES_MAX may wait at once.
 */
export async function uploadPostImage({
  db,
  storage,
  uploaderId,
  bytes,
}: {
  db: Db;
  storage: Pick<ObjectStore, "putObject" | "deleteObject">;
  uploaderId: string;
  bytes: Buffer;
}): Promise<UploadedPostImage> {
  if (bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "Choose a picture to add.", { field: "images" });
  if (bytes.byteLength > env.FEED_IMAGE_MAX_BYTES) throw postImageTooLarge();
  await limitFeedAction("feed-post", uploaderId);
  await removeUnpostedImages({ db, storage, uploaderId });
  const pending = await db.postImage.count({ where: { uploaderId, postId: null } });
  if (pending >= PENDING_IMAGES_MAX) {
    throw new AppError("RATE_LIMITED", `You have ${pending} pictures waiting to be posted. Post or remove some first.`, { field: "images" });
  }

  const webp = await toWebp(bytes, { resize: { width: POST_IMAGE_MAX_SIDE, height: POST_IMAGE_MAX_SIDE, fit: "inside", withoutEnlargement: true }, field: "images" });
  const { width = 0, height = 0 } = await sharp(webp).metadata();
  const id = randomUUID();
  const key = `feed/images/${id}.webp`;
  await storage.putObject(key, webp, { contentType: "image/webp", ownerId: uploaderId, visibility: "public", immutable: true });
  await db.postImage.create({ data: { id, uploaderId, key, width, height } });
  return { id, url: mediaUrl(key), width, height };
}

export function postImageTooLarge(): AppError {
  const megabytes = Math.round((env.FEED_IMAGE_MAX_BYTES / (1024 * 1024)) * 10) / 10;
  return new AppError("PAYLOAD_TOO_LARGE", `Pictures can be at most ${megabytes} MB.`, { field: "images" });
}
