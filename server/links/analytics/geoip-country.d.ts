// geoip-country ships no types; this is the one function Links uses.
declare module "geoip-country" {
  export function lookup(ip: string): { country: string } | null;
}
