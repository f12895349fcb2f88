import { nextRoute } from "@/server/web/next-route";

/**
 * POST /api/shop/product-images — staff only; the raw image as the body.
 * Answers 201 `{ url }`, a URL the product form then lists among the
 * product's images. A row of server/web/routes.ts.
 */
export const dynamic = "force-dynamic";

export const POST = nextRoute("POST", "/api/shop/product-images");
