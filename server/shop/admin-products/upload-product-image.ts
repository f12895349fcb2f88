import { createHash } from "node:crypto";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { toWebp } from "@/server/platform/images";
import { mediaUrl, type ObjectStore } from "@/server/platform/storage";

/** Product pictures are shown at most this many pixels on a side (the gallery's zoom included). */
export const PRODUCT_IMAGE_MAX_SIDE = 1600;

/**
 * Stores a picture for a product: any common raster image in, a WebP of at
 * most 1600 px on a side out (never enlarged). The key is the content's hash,
 * so re-uploading the same picture gives the same URL, and the URL can be
 * cached forever. The product itself changes only when the form is saved.
 */
export async function uploadProductImage({
  storage,
  uploaderId,
  bytes,
}: {
  storage: Pick<ObjectStore, "putObject">;
  uploaderId: string;
  bytes: Buffer;
}): Promise<{ url: string }> {
  if (bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "Choose an image to upload.", { field: "images" });
  if (bytes.byteLength > env.SHOP_PRODUCT_IMAGE_MAX_BYTES) throw productImageTooLarge();
  const webp = await toWebp(bytes, {
    resize: { width: PRODUCT_IMAGE_MAX_SIDE, height: PRODUCT_IMAGE_MAX_SIDE, fit: "inside", withoutEnlargement: true },
    field: "images",
  });
  const key = `shop/products/${createHash("sha256").update(webp).digest("hex").slice(0, 24)}.webp`;
  // Public: the catalog is for everyone, signed in or not.
  await storage.putObject(key, webp, { contentType: "image/webp", ownerId: uploaderId, visibility: "public", immutable: true });
  return { url: mediaUrl(key) };
}

export function productImageTooLarge(): AppError {
  const megabytes = Math.round((env.SHOP_PRODUCT_IMAGE_MAX_BYTES / (1024 * 1024)) * 10) / 10;
  return new AppError("PAYLOAD_TOO_LARGE", `Images can be at most ${megabytes} MB.`, { field: "images" });
}
