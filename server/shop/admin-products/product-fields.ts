import { z } from "zod";

/** Limits on what staff can type into a product; the admin form shows the same messages next to each field. */
export const PRODUCT_NAME_MAX = 120;
export const PRODUCT_DESCRIPTION_MAX = 5_000;
export const PRODUCT_BRAND_MAX = 60;
export const PRODUCT_IMAGES_MAX = 8;
/** $100,000.00: a typo guard, not a business rule. */
export const PRODUCT_PRICE_MAX_CENTS = 10_000_000;
export const PRODUCT_STOCK_MAX = 1_000_000;

/** Our own static files and uploads, or any https URL. */
const ImageUrl = z
  .string()
  .trim()
  .max(500)
  .refine((url) => url.startsWith("/shop/") || url.startsWith("/api/media/") || url.startsWith("https://"), "Use an https:// URL or a path under /shop/.");

export const ProductFields = z.object({
  name: z.string().trim().min(2, "Give the product a name.").max(PRODUCT_NAME_MAX, `Keep the name under ${PRODUCT_NAME_MAX} characters.`),
  description: z.string().trim().min(1, "Describe the product.").max(PRODUCT_DESCRIPTION_MAX, `Keep the description under ${PRODUCT_DESCRIPTION_MAX.toLocaleString("en")} characters.`),
  brand: z.string().trim().min(1, "Name the brand.").max(PRODUCT_BRAND_MAX, `Keep the brand under ${PRODUCT_BRAND_MAX} characters.`),
  categorySlug: z.string().trim().min(1, "Choose a category.").max(80),
  priceCents: z.number().int("Use whole cents.").min(0, "The price cannot be negative.").max(PRODUCT_PRICE_MAX_CENTS, "That price is too high."),
  images: z.array(ImageUrl).max(PRODUCT_IMAGES_MAX, `At most ${PRODUCT_IMAGES_MAX} images.`),
  featured: z.boolean(),
  active: z.boolean(),
});

export const StockInput = z.number().int("Use a whole number.").min(0, "Stock cannot be negative.").max(PRODUCT_STOCK_MAX, "That is more stock than we can track.");
