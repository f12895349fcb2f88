import { createHash } from "node:crypto";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { toWebp } from "@/server/platform/images";
import { mediaUrl, type ObjectStore } from "@/server/platform/storage";

export const AVATAR_SIZE = 256;

/**
 * Stores a new profile picture: any common raster image in, a 256×256 WebP
 * out (attention-weighted crop, see server/platform/images.ts). The key
 * carries a content hash, so the URL changes with the picture and can be
 * cached forever.
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

  const webp = await toWebp(bytes, { resize: { width: AVATAR_SIZE, height: AVATAR_SIZE, fit: "cover", position: "attention" }, field: "avatar" });
  const key = `avatars/${userId}/${createHash("sha256").update(webp).digest("hex").slice(0, 20)}.webp`;
  // Public: avatars show next to people's posts and messages, signed in or not.
  await storage.putObject(key, webp, { contentType: "image/webp", ownerId: userId, visibility: "public", immutable: true });

  const image = mediaUrl(key);
  await db.user.update({ where: { id: userId }, data: { image } });
  return { image };
}

export function avatarTooLarge(): AppError {
  const megabytes = Math.round((env.AVATAR_MAX_BYTES / (1024 * 1024)) * 10) / 10;
  return new AppError("PAYLOAD_TOO_LARGE", `Images can be at most ${megabytes} MB.`, { field: "avatar" });
}
