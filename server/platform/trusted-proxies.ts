import { BlockList, isIP } from "node:net";
import { env } from "@/server/env";

/**
 * TRUSTED_PROXIES (IPs or CIDRs): the hops whose X-Forwarded-* headers we
 * believe. Kept apart from rate limiting (ratelimit.ts) because proxy.ts reads
 * it too (X-Forwarded-Proto decides HSTS) and must not load Redis.
 */
const trustedProxies = buildTrustedProxies(env.TRUSTED_PROXIES);

function buildTrustedProxies(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    if (family === 0) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

export function isTrustedProxy(ip: string): boolean {
  return trustedProxies.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6");
}

/** Strips ports, brackets and the IPv4-mapped IPv6 prefix; returns null for anything that is not an IP. */
export function normalizeIp(value: string | null | undefined): string | null {
  if (!value) return null;
  let ip = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed?.[1]) ip = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":"));
  if (ip.toLowerCase().startsWith("::ffff:") && isIP(ip.slice(7)) === 4) ip = ip.slice(7);
  return isIP(ip) === 0 ? null : ip;
}

/**
 * Whether the request came straight from one of our proxies, whose other
 * X-Forwarded-* headers may then be believed. The socket peer is the
 * right-most X-Forwarded-For hop: server/web/main.ts appends it.
 */
export function cameThroughTrustedProxy(headers: Pick<Headers, "get">): boolean {
  const peer = normalizeIp((headers.get("x-forwarded-for") ?? "").split(",").at(-1));
  return peer !== null && isTrustedProxy(peer);
}
