import { isIP } from "node:net";
import geoip from "geoip-country";

/** ISO-3166 alpha-2 from the GeoLite2 database in geoip-country; "unknown" for private, loopback and unlisted addresses. */
export function countryOf(ip: string): string {
  if (isIP(ip) === 0) return "unknown";
  return geoip.lookup(ip)?.country ?? "unknown";
}
