import sharp, { type ResizeOptions } from "sharp";
import { AppError } from "@/server/errors";

/** Raster formats people upload as pictures. Not SVG: we never re-serve user-supplied markup. */
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "gif", "avif", "heif"]);

/**
 * Re-encodes an uploaded picture as WebP, shaped by `resize` (EXIF orientation
 * applied, metadata stripped), so what we serve is always an image we made.
 * Anything that is not a readable raster image is refused as
 * UNSUPPORTED_MEDIA_TYPE, naming the form `field` it came from.
 */
export async function toWebp(bytes: Buffer, { resize, field }: { resize: ResizeOptions; field: string }): Promise<Buffer> {
  const unreadable = () => new AppError("UNSUPPORTED_MEDIA_TYPE", "Use a JPEG, PNG, WebP, GIF or AVIF image.", { field });
  // Bounded decode: a tiny file can still claim enormous dimensions.
  const image = sharp(bytes, { limitInputPixels: 50_000_000, failOn: "error" });
  let format: string | undefined;
  try {
    format = (await image.metadata()).format;
  } catch {
    throw unreadable();
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) throw unreadable();
  try {
    return await image.rotate().resize(resize).webp({ quality: 82 }).toBuffer();
  } catch {
    throw unreadable();
  }
}
