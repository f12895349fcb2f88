import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { storage } from "@/server/platform/storage";
import { handleUpload } from "@/server/platform/upload-route";
import { productImageTooLarge, uploadProductImage } from "@/server/shop/admin-products/upload-product-image";

/**
 * POST /api/shop/product-images — staff only; the raw image as the body.
 * Answers 201 `{ url }`, a URL the product form then lists among the product's images.
 */
export function POST(request: Request): Promise<Response> {
  return handleUpload(request, {
    maxBytes: env.SHOP_PRODUCT_IMAGE_MAX_BYTES,
    tooLarge: productImageTooLarge,
    authorize: (user) => {
      if (user.role !== "admin") throw new AppError("FORBIDDEN", "Only administrators can do this.");
    },
    store: ({ user, bytes }) => uploadProductImage({ storage, uploaderId: user.id, bytes }),
    status: 201,
  });
}
