import { env } from "@/server/env";

/**
 * The carrier's tracking page for a tracking number: SHOP_TRACKING_URL with
 * `{number}` replaced by the URL-encoded number (tracking-number.ts allows only
 * letters, digits, spaces and '-', so the link cannot be bent elsewhere).
 */
export function trackingUrlFor(trackingNumber: string | null): string | null {
  if (!trackingNumber) return null;
  return env.SHOP_TRACKING_URL.replaceAll("{number}", encodeURIComponent(trackingNumber.replaceAll(" ", "")));
}
