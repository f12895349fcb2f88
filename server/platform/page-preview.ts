import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { env } from "@/server/env";

/** What a web page says about itself for link cards: Open Graph first, then <title> and meta description. */
export type PagePreview = { title: string | null; description: string | null; image: string | null };

/** The limits of one preview fetch; the page is fetched server-side, so each is a guard against a hostile page. */
export const PAGE_PREVIEW_LIMITS = {
  /** Connect, redirects and body together. */
  timeoutMs: 3_000,
  /** Bytes of HTML read; the <head> is nearly always within it, and the rest is never downloaded. */
  maxBytes: 512 * 1024,
  maxRedirects: 3,
  titleChars: 200,
  descriptionChars: 500,
  imageUrlChars: 2_048,
} as const;

/**
 * Fetches `url` and reads its preview; null when the page cannot be fetched,
 * is not HTML, or says nothing. Only http(s) on ports 80/443 (or the URL's own),
 * and never an address inside this network (loopback, private, link-local,
 * carrier-grade NAT, multicast): the check runs in the socket's own DNS
 * lookup, so a name cannot resolve to a public address for a check and a
 * private one for the connection. PREVIEW_FETCH_ALLOW_PRIVATE lifts that for
 * tests and trusted intranets.
 */
export async function fetchPagePreview(
  url: string,
  options: { timeoutMs?: number; maxBytes?: number; maxRedirects?: number; allowPrivate?: boolean } = {},
): Promise<PagePreview | null> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...PAGE_PREVIEW_LIMITS, ...options };
  const lookup = (options.allowPrivate ?? env.PREVIEW_FETCH_ALLOW_PRIVATE) ? undefined : publicOnlyLookup;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const answer = await get(current, { signal, maxBytes, lookup }).catch(() => null);
    if (!answer) return null;
    if (answer.location !== undefined) {
      current = new URL(answer.location, current).href;
      continue;
    }
    return answer.html === null ? null : readPreview(answer.html, current);
  }
  return null;
}

type Answer = { location?: string; html: string | null };

function get(url: string, { signal, maxBytes, lookup }: { signal: AbortSignal; maxBytes: number; lookup: LookupFunction | undefined }): Promise<Answer> {
  const parsed = new URL(url);
  const client = parsed.protocol === "https:" ? https : parsed.protocol === "http:" ? http : null;
  if (!client) return Promise.reject(new Error(`not fetched: ${parsed.protocol}`));
  // An address literal is connected to without a lookup, so it is checked here.
  const literal = parsed.hostname.replace(/^\[|\]$/g, "");
  if (lookup && isIP(literal) !== 0 && isNonPublicAddress(literal)) return Promise.reject(new Error(`${literal} is not a public address`));
  return new Promise((resolve, reject) => {
    const request = client.get(
      parsed,
      {
        signal,
        lookup,
        headers: { "user-agent": "CasebookBot/1.0 (+link preview)", accept: "text/html,application/xhtml+xml" },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          return resolve({ location: response.headers.location, html: null });
        }
        const type = response.headers["content-type"] ?? "";
        if (status !== 200 || !/^(text\/html|application\/xhtml\+xml)/i.test(type)) {
          response.resume();
          return resolve({ html: null });
        }
        const chunks: Buffer[] = [];
        let received = 0;
        const done = () => resolve({ html: Buffer.concat(chunks).toString("utf8") });
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk.subarray(0, maxBytes - received));
          received += chunk.length;
          if (received >= maxBytes) {
            response.destroy();
            done();
          }
        });
        response.on("end", done);
        response.on("error", reject);
      },
    );
    request.on("error", reject);
  });
}

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.168.0.0", 16], ["224.0.0.0", 4], ["240.0.0.0", 4]] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [["::", 127], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) NOT_PUBLIC.addSubnet(network, prefix, "ipv6");

/** True for an address this server must not fetch from on a stranger's behalf (IPv4-mapped IPv6 included). */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return NOT_PUBLIC.check(mapped, "ipv4");
  const family = isIP(address);
  return family === 0 || NOT_PUBLIC.check(address, family === 4 ? "ipv4" : "ipv6");
}

const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const refused = addresses.find((entry) => isNonPublicAddress(entry.address));
    if (refused || addresses.length === 0) {
      return callback(Object.assign(new Error(`${hostname} is not a public address`), { code: "EACCES" }), "", 0);
    }
    if (options.all) return (callback as unknown as (error: null, all: dns.LookupAddress[]) => void)(null, addresses);
    const first = addresses[0] as dns.LookupAddress;
    callback(null, first.address, first.family);
  });
};

/** The preview in `html` (read from `pageUrl`, which relative image URLs resolve against). */
export function readPreview(html: string, pageUrl: string): PagePreview | null {
  const meta = new Map<string, string>();
  for (const tag of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = attributesOf(tag[0]);
    const key = (attributes.get("property") ?? attributes.get("name"))?.toLowerCase();
    const content = attributes.get("content");
    if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
  }
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const title = clean(meta.get("og:title") ?? meta.get("twitter:title") ?? titleTag, PAGE_PREVIEW_LIMITS.titleChars);
  const description = clean(meta.get("og:description") ?? meta.get("twitter:description") ?? meta.get("description"), PAGE_PREVIEW_LIMITS.descriptionChars);
  const image = imageUrl(meta.get("og:image") ?? meta.get("og:image:url") ?? meta.get("twitter:image"), pageUrl);
  return title || description || image ? { title, description, image } : null;
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([^\s=<>"'/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    attributes.set((match[1] ?? "").toLowerCase(), match[2] ?? match[3] ?? match[4] ?? "");
  }
  return attributes;
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] !== "#") return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
    const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function clean(text: string | undefined, maxChars: number): string | null {
  const single = text === undefined ? "" : decodeEntities(text.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim();
  return single ? single.slice(0, maxChars) : null;
}

function imageUrl(value: string | undefined, pageUrl: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(decodeEntities(value.trim()), pageUrl);
    return (url.protocol === "https:" || url.protocol === "http:") && url.href.length <= PAGE_PREVIEW_LIMITS.imageUrlChars ? url.href : null;
  } catch {
    return null;
  }
}
