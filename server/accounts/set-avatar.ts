import { createHash } from "node:crypto";
import sharp from "sharp";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { ObjectStore } from "@/server/platform/storage";

/** Where the media route (app/api/media/[...key]) serves stored objects. */
const MEDIA_PATH = "/api/media/";

export const AVATAR_SIZE = 256;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "gif", "avif", "heif"]);

/**
 * Stores a new profile picture: any common raster image in, a 256×256 WebP
 * out (center-weighted crop, EXIF orientation applied, metadata stripped).
 * The key carries a content hash, so the URL changes with the picture and can
 * be cached forever. SVG is refused: we never re-serve user-supplied markup.
 */
export async function setAvatar({
  db,
  storage,
  userId,
  bytes,
}: {
  db: Db;
  storage: Pick<ObjectStore, "putObject">;
  userId: string;
  bytes: Buffer;
}): Promise<{ image: string }> {
  if (bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "Choose an image to upload.", { field: "avatar" });
  if (bytes.byteLength > env.AVATAR_MAX_BYTES) throw avatarTooLarge();

  const webp = await toAvatarWebp(bytes);
  const key = `avatars/${userId}/${createHash("sha256").update(webp).digest("hex").slice(0, 20)}.webp`;
  // Public: avatars show next to people's posts and messages, signed in or not.
  await storage.putObject(key, webp, { contentType: "image/webp", ownerId: userId, visibility: "public" });

  const image = `${MEDIA_PATH}${key}`;
  await db.user.update({ where: { id: userId }, data: { image } });
  return { image };
}

export function avatarTooLarge(): AppError {
  const megabytes = Math.round((env.AVATAR_MAX_BYTES / (1024 * 1024)) * 10) / 10;
  return new AppError("PAYLOAD_TOO_LARGE", `Images can be at most ${megabytes} MB.`, { field: "avatar" });
}

async function toAvatarWebp(bytes: Buffer): Promise<Buffer> {
  // Bounded decode: a tiny file can still claim enormous dimensions.
  const image = sharp(bytes, { limitInputPixels: 50_000_000, failOn: "error" });
  let format: string | undefined;
  try {
    format = (await image.metadata()).format;
  } catch {
    throw unreadableImage();
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) throw unreadableImage();
  try {
    return await image
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover", position: "attention" })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw unreadableImage();
  }
}

function unreadableImage(): AppError {
  return new AppError("UNSUPPORTED_MEDIA_TYPE", "Use a JPEG, PNG, WebP, GIF or AVIF image.", { field: "avatar" });
}
