import type { LinkTargeting } from "../manage/link-targeting";

const IOS = /\b(iPhone|iPad|iPod)\b/;
const ANDROID = /\bAndroid\b/;

/**
 * Where a targeted link sends this visitor: their country's destination
 * first, then their device's (iOS, Android), else the link's own URL. The
 * country database is loaded on the first geo-targeted redirect only, so
 * plain links never pay for it.
 */
export async function targetedDestination(url: string, targeting: LinkTargeting, visitor: { ip: string; userAgent: string }): Promise<string> {
  if (targeting.geo) {
    const { countryOf } = await import("../analytics/country-of");
    const byCountry = targeting.geo[countryOf(visitor.ip)];
    if (byCountry) return byCountry;
  }
  if (targeting.ios && IOS.test(visitor.userAgent)) return targeting.ios;
  if (targeting.android && ANDROID.test(visitor.userAgent)) return targeting.android;
  return url;
}
